using Microsoft.AspNetCore.SignalR;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Hubs;

/// <summary><c>/hubs/runs</c>: the runs list, one run's events, and the gap-free step stream of a run.</summary>
public sealed class RunsHub(RunStepStream steps) : Hub<IRunsClient>
{
    public Task SubscribeRuns() => Groups.AddToGroupAsync(Context.ConnectionId, RunGroups.AllRuns);

    public Task UnsubscribeRuns() => Groups.RemoveFromGroupAsync(Context.ConnectionId, RunGroups.AllRuns);

    public Task JoinRun(Guid runId) => Groups.AddToGroupAsync(Context.ConnectionId, RunGroups.Run(runId));

    public Task LeaveRun(Guid runId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, RunGroups.Run(runId));

    /// <summary>Stored steps after <paramref name="afterSequence"/>, then live ones; completes when the run has ended.</summary>
    public IAsyncEnumerable<StepRecorded> WatchRun(Guid runId, long afterSequence, CancellationToken cancellationToken) =>
        steps.WatchAsync(runId, afterSequence, cancellationToken);
}
