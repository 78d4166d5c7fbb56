using System.Collections.Concurrent;

namespace TraceFix.Server.Runs;

/// <summary>Runs the engine has picked up: their cancellation sources and completion, so a cancel can stop one and wait for it.</summary>
public sealed class ActiveRuns
{
    private readonly ConcurrentDictionary<Guid, ActiveRun> _runs = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<ActiveRun>> _waiters = new();

    public ActiveRun Add(Guid runId, CancellationToken stopping)
    {
        var run = new ActiveRun(CancellationTokenSource.CreateLinkedTokenSource(stopping));
        _runs[runId] = run;
        if (_waiters.TryGetValue(runId, out var waiter))
        {
            waiter.TrySetResult(run);
        }
        return run;
    }

    /// <summary>Completes when the engine registers <paramref name="runId"/> here (at once if it already has).</summary>
    public async Task<ActiveRun> WaitForAsync(Guid runId, CancellationToken cancellationToken)
    {
        var waiter = _waiters.GetOrAdd(runId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        // Checked after registering the waiter: an Add in between either sees the waiter or is seen here.
        if (_runs.TryGetValue(runId, out var run))
        {
            waiter.TrySetResult(run);
        }
        try
        {
            return await waiter.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _waiters.TryRemove(KeyValuePair.Create(runId, waiter));
        }
    }

    public bool TryGet(Guid runId, out ActiveRun run) => _runs.TryGetValue(runId, out run!);

    public void Remove(Guid runId)
    {
        if (_runs.TryRemove(runId, out var run))
        {
            run.Finished.TrySetResult();
            run.Cancellation.Dispose();
        }
    }

    public int Count => _runs.Count;

    public IReadOnlyCollection<Guid> Ids => [.. _runs.Keys];
}

public sealed record ActiveRun(CancellationTokenSource Cancellation)
{
    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
