using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;
using TraceFix.Server.OpenEnv.Sessions;

namespace TraceFix.Server.OpenEnv.Wire;

/// <summary>How an exception thrown by the environment is reported: an error code, a message and an HTTP status.</summary>
public sealed record EnvironmentFailure(string Code, string Message, int HttpStatus, string Title, bool IsUnexpected = false)
{
    public static EnvironmentFailure From(Exception exception) => exception switch
    {
        SessionClosedException e => new(ErrorCodes.SessionError, e.Message, StatusCodes.Status404NotFound, "Session closed"),
        UnknownTaskException e => new(ErrorCodes.ExecutionError, e.Message, StatusCodes.Status400BadRequest, "Unknown task"),
        SandboxUnavailableException e => new(ErrorCodes.ExecutionError, e.Message, StatusCodes.Status503ServiceUnavailable, "Sandbox unavailable"),
        InvalidOperationException e => new(ErrorCodes.ExecutionError, e.Message, StatusCodes.Status409Conflict, "Not allowed in this episode state"),
        ArgumentException e => new(ErrorCodes.ExecutionError, e.Message, StatusCodes.Status400BadRequest, "Invalid argument"),
        _ => new(ErrorCodes.ExecutionError, exception.Message, StatusCodes.Status500InternalServerError, "Environment error", IsUnexpected: true),
    };
}
