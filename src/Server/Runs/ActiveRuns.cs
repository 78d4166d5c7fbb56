using System.Collections.Concurrent;

namespace TraceFix.Server.Runs;

/// <summary>Runs the engine has picked up: their cancellation sources and completion, so a cancel can stop one and wait for it.</summary>
public sealed class ActiveRuns
{
    private readonly ConcurrentDictionary<Guid, ActiveRun> _runs = new();

    public ActiveRun Add(Guid runId, CancellationToken stopping)
    {
        var run = new ActiveRun(CancellationTokenSource.CreateLinkedTokenSource(stopping));
        _runs[runId] = run;
        return run;
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
