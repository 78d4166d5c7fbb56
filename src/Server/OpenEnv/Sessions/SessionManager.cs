using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.Sessions;

/// <summary>
/// Owns every live session: opens them under the capacity limit, finds them by handle, closes them and reaps idle ones.
/// Each session gets its own environment from the factory, so episodes never share state.
/// </summary>
public sealed class SessionManager(
    IEnvironmentSessionFactory factory,
    IOptions<EnvironmentServerOptions> options,
    Hosting.InstanceIdentity instance,
    TimeProvider time,
    ILogger<SessionManager> logger) : IAsyncDisposable
{
    /// <summary>Handles end with <c>.{instance}</c>: a request that reaches another instance can say where the session lives.</summary>
    public string InstanceName => instance.Name;

    public const string DefaultHttpSessionId = "default";

    private readonly ConcurrentDictionary<string, HostedSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _defaultLock = new();
    private int _reserved;

    public int ActiveSessions => Volatile.Read(ref _reserved);

    public int MaxSessions => options.Value.MaxSessions;

    /// <summary>Raised after a session was removed (closed, reaped or shut down), so that owners of per-session data can let go of it.</summary>
    public event Func<HostedSession, ValueTask>? Closed;

    public SessionOpenResult Open(SessionKind kind) => Open(kind, NewId());

    public HostedSession? Find(string id) => _sessions.GetValueOrDefault(id);

    /// <summary>The shared session used by HTTP requests that carry no handle; re-created on demand after it expires.</summary>
    public SessionOpenResult OpenOrGetDefault()
    {
        lock (_defaultLock)
        {
            return Find(DefaultHttpSessionId) is { } existing
                ? SessionOpenResult.Opened(existing, ActiveSessions, MaxSessions)
                : Open(SessionKind.Http, DefaultHttpSessionId);
        }
    }

    public async ValueTask CloseAsync(HostedSession session)
    {
        if (!_sessions.TryRemove(new KeyValuePair<string, HostedSession>(session.Id, session)))
        {
            return;
        }
        Interlocked.Decrement(ref _reserved);
        try
        {
            await session.CloseAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Disposing the environment of session {SessionId} failed", session.Id);
        }
        await NotifyClosedAsync(session);
    }

    private async ValueTask NotifyClosedAsync(HostedSession session)
    {
        if (Closed is not { } closed)
        {
            return;
        }
        foreach (var handler in closed.GetInvocationList().Cast<Func<HostedSession, ValueTask>>())
        {
            try
            {
                await handler(session);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A close handler of session {SessionId} failed", session.Id);
            }
        }
    }

    /// <summary>Closes every session unused for longer than the idle timeout; returns how many were closed.</summary>
    public async Task<int> ReapIdleAsync()
    {
        var now = time.GetUtcNow();
        var timeout = options.Value.IdleTimeout;
        var reaped = 0;
        foreach (var session in _sessions.Values)
        {
            if (!session.IsIdle(now, timeout))
            {
                continue;
            }
            session.Expire($"Session expired after {timeout.TotalSeconds:0.###} s without activity.");
            await CloseAsync(session);
            reaped++;
        }
        if (reaped > 0)
        {
            logger.LogInformation("Reaped {Count} idle environment session(s); {Active} remain", reaped, ActiveSessions);
        }
        return reaped;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions.Values)
        {
            session.Expire("The server is shutting down.");
            await CloseAsync(session);
        }
    }

    private SessionOpenResult Open(SessionKind kind, string id)
    {
        var max = MaxSessions;
        var active = Interlocked.Increment(ref _reserved);
        if (active > max)
        {
            Interlocked.Decrement(ref _reserved);
            return SessionOpenResult.Failed(
                ErrorCodes.CapacityReached,
                $"Server at capacity: {max} of {max} sessions are in use. Close a session or try again later.",
                max,
                max);
        }
        try
        {
            var session = new HostedSession(id, kind, factory.Create(), time);
            if (!_sessions.TryAdd(id, session))
            {
                throw new InvalidOperationException($"Session id '{id}' is already in use.");
            }
            return SessionOpenResult.Opened(session, active, max);
        }
        catch (Exception ex)
        {
            Interlocked.Decrement(ref _reserved);
            logger.LogError(ex, "Could not create an environment for a new {Kind} session", kind);
            return SessionOpenResult.Failed(ErrorCodes.FactoryError, $"Could not create the environment: {ex.Message}", active - 1, max);
        }
    }

    private string NewId() => $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{instance.Name}";

    /// <summary>The instance a handle names, when it names one other than this.</summary>
    public string? OtherInstanceOf(string handle) =>
        handle.IndexOf('.') is > 0 and var dot && handle[(dot + 1)..] is { Length: > 0 } owner && owner != instance.Name ? owner : null;
}
