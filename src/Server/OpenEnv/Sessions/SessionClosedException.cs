namespace TraceFix.Server.OpenEnv.Sessions;

/// <summary>The session was closed (idle reaping, explicit close, shutdown) while a call was waiting for it.</summary>
public sealed class SessionClosedException(string sessionId)
    : InvalidOperationException($"Session '{sessionId}' is closed or has expired. Open a new session.")
{
    public string SessionId { get; } = sessionId;
}
