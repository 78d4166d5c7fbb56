namespace TraceFix.Server.Runs.Play;

public enum PlayFailure
{
    None,
    NotFound,
    Closed,
}

/// <summary>The result of a play call: a value, field errors, or why the session cannot be used.</summary>
public sealed record PlayOutcome<T>(T? Value, Dictionary<string, string[]>? Errors = null, PlayFailure Failure = PlayFailure.None)
    where T : class;
