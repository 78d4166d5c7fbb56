namespace TraceFix.Client.Services;

/// <summary>A failed API call, carrying the problem document's message and any field errors for forms to show.</summary>
public sealed class ApiException(string message, int status, IReadOnlyDictionary<string, string[]>? fieldErrors = null)
    : Exception(message)
{
    public int Status { get; } = status;

    public IReadOnlyDictionary<string, string[]> FieldErrors { get; } = fieldErrors ?? new Dictionary<string, string[]>();
}
