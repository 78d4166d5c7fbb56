using Microsoft.Extensions.Options;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Episodes;
using TraceFix.Core.Tasks;
using TraceFix.Server.Hosting;
using TraceFix.Server.Hubs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs;

/// <summary>What the API can do with runs: start (validate, store as queued, enqueue), cancel and delete.</summary>
public sealed class RunService(
    RunStore store,
    RunQueue queue,
    ActiveRuns active,
    RunEvents events,
    TaskCatalog catalog,
    IRunAgentFactory agents,
    ForkSnapshots forks,
    ModelEndpoints models,
    IOptions<RunEngineOptions> options,
    TraceFixTelemetry telemetry,
    TimeProvider clock)
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StorePoll = TimeSpan.FromMilliseconds(100);

    public async Task<StartRunOutcome> StartAsync(StartRunRequest request, CancellationToken cancellationToken)
    {
        RunPlan? source = request.ReplaySourceRunId is { } sourceId ? await store.GetPlanAsync(sourceId, cancellationToken) : null;
        var errors = StartRunValidator.Validate(request, catalog, agents, options.Value, source is not null);
        IReadOnlyList<ModelInfo?> chosen = errors.ContainsKey("agent") || errors.ContainsKey("model")
            ? [] : ModelChoice.Resolve(request, request.Agent.Trim(), models, errors);
        if (errors.Count > 0)
        {
            return StartRunOutcome.Invalid(errors);
        }
        var agent = request.Agent.Trim();
        var maxSteps = request.MaxSteps ?? options.Value.MaxStepsPerEpisode;
        ForkStart? fork = null;
        if (request.ForkFrom is { } point)
        {
            (fork, var forkError, var missing) = await CheckForkAsync(point, request.MaxSteps, cancellationToken);
            if (forkError is not null)
            {
                return missing ? StartRunOutcome.Missing(forkError) : StartRunOutcome.Invalid(new() { ["forkFrom"] = [forkError] });
            }
            maxSteps = request.MaxSteps ?? fork!.ParentMaxSteps;
        }
        var (tasks, selection) = fork is not null ? ([fork.TaskName], fork.TaskName)
            : source is not null && request.Tasks is not { Count: > 0 } && string.IsNullOrWhiteSpace(request.Difficulty)
            ? (source.Tasks, $"replay of {source.RunId}")
            : StartRunValidator.Resolve(request, catalog);
        if (tasks.Count == 0)
        {
            return StartRunOutcome.Invalid(new() { ["difficulty"] = ["no task matches this selection"] });
        }
        if (tasks.Count > options.Value.MaxEpisodesPerRun)
        {
            return StartRunOutcome.Invalid(new() { ["tasks"] = [$"at most {options.Value.MaxEpisodesPerRun} episodes per run"] });
        }

        if (await store.CountQueuedAsync(cancellationToken) + chosen.Count > options.Value.QueueCapacity)
        {
            return StartRunOutcome.QueueFull();
        }
        var ids = new List<Guid>();
        foreach (var endpoint in chosen)
        {
            var run = NewRun(request, agent, endpoint, tasks, selection, maxSteps, fork);
            await store.CreateRunAsync(run, cancellationToken);
            ids.Add(run.Id);
        }
        queue.Wake();
        telemetry.RunsQueued.Add(ids.Count);
        foreach (var id in ids)
        {
            await events.RunChangedAsync(id, CancellationToken.None);
        }
        return StartRunOutcome.Accepted(ids);
    }

    private RunRecord NewRun(StartRunRequest request, string agent, ModelInfo? endpoint, IReadOnlyList<string> tasks, string selection,
        int maxSteps, ForkStart? fork) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            Status = RunStatus.Queued,
            AgentKind = agent,
            Model = endpoint?.Model ?? agents.ModelFor(agent, string.IsNullOrWhiteSpace(request.Model) ? null : request.Model.Trim()),
            ModelEndpoint = endpoint?.Name,
            InputPricePerMTok = endpoint?.InputPricePerMTok,
            OutputPricePerMTok = endpoint?.OutputPricePerMTok,
            TaskSelection = selection.Length > 2000 ? selection[..2000] : selection,
            PlannedTasks = string.Join('\n', tasks),
            PlannedEpisodes = tasks.Count,
            MaxSteps = maxSteps,
            Seed = request.Seed ?? 0,
            ReplaySourceRunId = request.ReplaySourceRunId,
            ParentRunId = request.ForkFrom?.RunId,
            ForkSequence = request.ForkFrom?.Sequence,
            ForkEpisodeIndex = fork?.EpisodeIndex,
            ForkStepIndex = fork?.StepIndex,
            CreatedAt = clock.GetUtcNow(),
        };

    /// <summary>Whether the fork point can be started from under this budget (the parent's when none is given); the error says why not.</summary>
    private async Task<(ForkStart? Fork, string? Error, bool NotFound)> CheckForkAsync(ForkPoint point, int? requestedMaxSteps,
        CancellationToken cancellationToken)
    {
        try
        {
            var fork = await forks.BuildAsync(point, cancellationToken);
            var budget = requestedMaxSteps ?? fork.ParentMaxSteps;
            if (fork.Snapshot.StepCount >= budget)
            {
                return (null, $"step {point.Sequence} is the episode's step {fork.Snapshot.StepCount}, at the step limit {budget}: " +
                    $"pass a larger maxSteps (at most {options.Value.MaxStepsPerEpisode}) to continue from it", false);
            }
            SnapshotRules.Check(new ResetOptions(fork.TaskName, Snapshot: fork.Snapshot), budget);
            return (fork, null, false);
        }
        catch (ForkSourceException ex)
        {
            return (null, ex.Message, ex.NotFound);
        }
        catch (ArgumentException ex)
        {
            return (null, ex.Message, false);
        }
    }

    public async Task<(RunActionResult Result, RunSummary? Run)> CancelAsync(Guid runId, CancellationToken cancellationToken)
    {
        // A run moves queued → running → ended, each at most once, so a few rounds settle any race with the engine.
        for (var round = 0; round < 3; round++)
        {
            if (active.TryGet(runId, out var running))
            {
                return (RunActionResult.Done, await StopAsync(runId, running, cancellationToken));
            }
            var status = await store.GetStatusAsync(runId, cancellationToken);
            if (status is null)
            {
                return (RunActionResult.NotFound, null);
            }
            if (status.Value.IsTerminal())
            {
                return (RunActionResult.Conflict, await store.GetSummaryAsync(runId, cancellationToken));
            }
            if (await store.CancelIfAsync(runId, status.Value, AgentKinds.Manual, cancellationToken))
            {
                await events.RunChangedAsync(runId, CancellationToken.None);
                return (RunActionResult.Done, await store.GetSummaryAsync(runId, cancellationToken));
            }
            if (status == RunStatus.Running && await store.RequestCancelAsync(runId, cancellationToken))
            {
                return (RunActionResult.Done, await StopUnseenAsync(runId, cancellationToken));
            }
        }
        return (RunActionResult.Conflict, await store.GetSummaryAsync(runId, cancellationToken));
    }

    /// <summary>Cancels a run this instance plays and waits (a bounded time) for the engine to record its end.</summary>
    private async Task<RunSummary?> StopAsync(Guid runId, ActiveRun running, CancellationToken cancellationToken)
    {
        try
        {
            await running.Cancellation.CancelAsync();
            await running.Finished.Task.WaitAsync(StopWait, clock, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // It ended meanwhile.
        }
        catch (TimeoutException)
        {
            // Still winding down: the summary shows it running, and the hub announces its end.
        }
        return await store.GetSummaryAsync(runId, cancellationToken);
    }

    /// <summary>
    /// A running run not (yet) among this instance's active runs: claimed here a moment ago (the engine registers it at once,
    /// and it is stopped here), or played by another instance, which sees the flag at its next heartbeat. Waits for either,
    /// or for the run's end, up to twice the lease.
    /// </summary>
    private async Task<RunSummary?> StopUnseenAsync(Guid runId, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.Lease * 2, clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var registered = active.WaitForAsync(runId, wait.Token);
        try
        {
            while (true)
            {
                var summary = await store.GetSummaryAsync(runId, cancellationToken);
                if (summary is null || summary.Status.IsTerminal())
                {
                    return summary;
                }
                // Another instance's progress is only visible in the store: look again after a short pause.
                if (await Task.WhenAny(registered, Task.Delay(StorePoll, clock, wait.Token)) == registered)
                {
                    return await StopAsync(runId, await registered, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return await store.GetSummaryAsync(runId, cancellationToken);
        }
    }

    public async Task<RunActionResult> DeleteAsync(Guid runId, CancellationToken cancellationToken)
    {
        var status = await store.GetStatusAsync(runId, cancellationToken);
        if (status is null)
        {
            return RunActionResult.NotFound;
        }
        if (!status.Value.IsTerminal() || active.TryGet(runId, out _))
        {
            return RunActionResult.Conflict;
        }
        await store.DeleteAsync(runId, cancellationToken);
        await events.RunDeletedAsync(runId);
        return RunActionResult.Done;
    }
}

public enum RunActionResult
{
    Done,
    NotFound,
    Conflict,
}

/// <param name="NotFound">What the request names that does not exist (a fork's run or step).</param>
/// <param name="RunIds">Every run started (one per model), first = <paramref name="RunId"/>.</param>
public sealed record StartRunOutcome(Guid? RunId, Dictionary<string, string[]>? Errors, bool Full, string? NotFound = null,
    IReadOnlyList<Guid>? RunIds = null)
{
    public static StartRunOutcome Missing(string what) => new(null, null, false, what);

    public static StartRunOutcome Accepted(IReadOnlyList<Guid> ids) => new(ids[0], null, false, RunIds: ids);

    public static StartRunOutcome Invalid(Dictionary<string, string[]> errors) => new(null, errors, false);

    public static StartRunOutcome QueueFull() => new(null, null, true);
}
