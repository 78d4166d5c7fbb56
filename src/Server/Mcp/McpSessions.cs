using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.Hubs;
using TraceFix.Server.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Mcp;

/// <summary>
/// The MCP view of the environment's sessions. Sessions opened over /mcp are environment sessions of kind
/// <see cref="SessionKind.Mcp"/> (they count against MaxSessions and are reaped when idle); a /ws session that uses MCP
/// is attached on first use. When the environment closes a session, its recording is closed and its run completes.
/// </summary>
public sealed class McpSessions
{
    private readonly ConcurrentDictionary<string, McpSession> _sessions = new(StringComparer.Ordinal);
    private readonly SessionManager _environments;
    private readonly RunStore _store;
    private readonly RunEvents _events;
    private readonly TimeProvider _clock;
    private readonly IOptions<RunEngineOptions> _runs;
    private readonly ILogger<McpSessions> _logger;

    public McpSessions(SessionManager environments, RunStore store, RunEvents events, TimeProvider clock,
        IOptions<RunEngineOptions> runs, ILogger<McpSessions> logger)
    {
        (_environments, _store, _events, _clock, _runs, _logger) = (environments, store, events, clock, runs, logger);
        environments.Closed += ReleaseAsync;
    }

    public int Count => _sessions.Count;

    /// <summary>Opens a new MCP session, or says why not (CAPACITY_REACHED, FACTORY_ERROR) with the session counts.</summary>
    public (McpSession? Session, SessionOpenResult Opened) Open(string model)
    {
        var opened = _environments.Open(SessionKind.Mcp);
        if (opened.Session is not { } hosted)
        {
            return (null, opened);
        }
        var session = Wrap(hosted);
        session.Recording.Model = model;
        _sessions[hosted.Id] = session;
        return (session, opened);
    }

    /// <summary>An open session created over /mcp, or null (unknown, closed or expired).</summary>
    public McpSession? Find(string id) =>
        _sessions.TryGetValue(id, out var session) && session.Hosted.Kind == SessionKind.Mcp && _environments.Find(id) == session.Hosted
            ? session
            : null;

    /// <summary>The MCP state of a /ws session, created on first use.</summary>
    public McpSession Attach(HostedSession hosted)
    {
        var session = _sessions.GetOrAdd(hosted.Id, _ => Wrap(hosted));
        if (_environments.Find(hosted.Id) != hosted)
        {
            // Closed while we attached: drop the entry so it cannot leak (calls on it fail as closed).
            _sessions.TryRemove(new KeyValuePair<string, McpSession>(hosted.Id, session));
        }
        return session;
    }

    public async ValueTask CloseAsync(McpSession session) => await _environments.CloseAsync(session.Hosted);

    private async ValueTask ReleaseAsync(HostedSession hosted)
    {
        if (!_sessions.TryGetValue(hosted.Id, out var session) || session.Hosted != hosted
            || !_sessions.TryRemove(new KeyValuePair<string, McpSession>(hosted.Id, session)))
        {
            return;
        }
        try
        {
            await session.Recording.CloseAsync(hosted.ExpiryReason ?? "the session was closed");
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Closing the recording of MCP session {SessionId} failed", hosted.Id);
        }
    }

    private McpSession Wrap(HostedSession hosted) => new(hosted,
        new McpRunRecording(_store, _events, _clock, _runs.Value.MaxStoredOutputChars, _logger), _logger);
}
