namespace TraceFix.Core.Remote;

/// <summary>An error frame from an OpenEnv server; the message matches what the Python client raises.</summary>
public sealed class OpenEnvServerException(string message, string? code) : Exception($"Server error: {message} (code: {code})")
{
    public string ServerMessage { get; } = message;

    public string? Code { get; } = code;
}
