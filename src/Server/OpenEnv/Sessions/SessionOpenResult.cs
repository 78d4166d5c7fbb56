namespace TraceFix.Server.OpenEnv.Sessions;

/// <summary>Either a new session, or why none could be opened (CAPACITY_REACHED or FACTORY_ERROR).</summary>
public sealed record SessionOpenResult(HostedSession? Session, string? ErrorCode, string? ErrorMessage, int ActiveSessions, int MaxSessions)
{
    public static SessionOpenResult Opened(HostedSession session, int active, int max) => new(session, null, null, active, max);

    public static SessionOpenResult Failed(string code, string message, int active, int max) => new(null, code, message, active, max);
}
