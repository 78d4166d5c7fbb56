using TraceFix.Core.Episodes;

namespace TraceFix.Server.OpenEnv.Sessions;

/// <summary>
/// One environment owned by one client. Calls are serialised so that concurrent HTTP requests on the same handle
/// cannot interleave inside an episode; the session remembers when it was last used so that idle ones can be reaped.
/// </summary>
public sealed class HostedSession(string id, SessionKind kind, IEnvironmentSession environment, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _expired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastActivity = time.GetUtcNow().UtcTicks;
    private int _busy;
    private bool _closed;

    public string Id { get; } = id;

    public SessionKind Kind { get; } = kind;

    public DateTimeOffset LastActivity => new(Interlocked.Read(ref _lastActivity), TimeSpan.Zero);

    /// <summary>Completes when the manager closes the session from outside (idle timeout or shutdown).</summary>
    public Task Expired => _expired.Task;

    public string? ExpiryReason { get; private set; }

    public bool IsIdle(DateTimeOffset now, TimeSpan timeout) => Volatile.Read(ref _busy) == 0 && now - LastActivity >= timeout;

    public async Task<T> RunAsync<T>(Func<IEnvironmentSession, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _busy);
        try
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (_closed)
                {
                    throw new SessionClosedException(Id);
                }
                Touch();
                return await call(environment, cancellationToken);
            }
            finally
            {
                Touch();
                _gate.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _busy);
        }
    }

    internal void Expire(string reason)
    {
        ExpiryReason ??= reason;
        _expired.TrySetResult();
    }

    /// <summary>Waits for a running call to finish, then disposes the environment. Safe to call more than once.</summary>
    internal async ValueTask CloseAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_closed)
            {
                return;
            }
            _closed = true;
            await environment.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, time.GetUtcNow().UtcTicks);
}
