using Microsoft.Extensions.Options;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;
using TraceFix.Core.Tasks;
using TraceFix.Server.Hubs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs;

/// <summary>Plays one run: its agent over each planned task, one fresh environment per episode, every step stored as it happens.</summary>
public sealed class RunExecutor(
    RunStore store,
    RunEvents events,
    IRunAgentFactory agents,
    IEpisodeEnvironmentFactory environments,
    ForkSnapshots forks,
    TaskCatalog catalog,
    IOptions<RunEngineOptions> options,
    TimeProvider clock,
    Hosting.TraceFixTelemetry telemetry,
    ILogger<RunExecutor> logger)
{
    /// <param name="cancellationToken">Cancels this run (the user's cancel or the host stopping).</param>
    /// <param name="stopping">The host's stopping token: a run stopped by it is interrupted, not cancelled.</param>
    public async Task ExecuteAsync(RunPlan plan, CancellationToken cancellationToken, CancellationToken stopping)
    {
        using var runScope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = plan.RunId });
        using var activity = Hosting.TraceFixTelemetry.Source.StartActivity("run");
        activity?.SetTag("tracefix.run_id", plan.RunId.ToString());
        activity?.SetTag("tracefix.agent", plan.AgentKind);
        logger.LogInformation("Run started: {Agent}/{Model} over {Count} task(s), budget {MaxSteps}",
            plan.AgentKind, plan.Model, plan.Tasks.Count, plan.MaxSteps);
        await events.RunChangedAsync(plan.RunId);
        var status = RunStatus.Completed;
        string? error = null;
        try
        {
            var agent = await agents.CreateAsync(plan, cancellationToken);
            try
            {
                (status, error) = await PlayAllAsync(plan, agent, cancellationToken);
            }
            finally
            {
                await DisposeAsync(agent);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            (status, error) = stopping.IsCancellationRequested
                ? (RunStatus.Interrupted, "the server stopped before the run finished")
                : (RunStatus.Cancelled, "cancelled by request");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run failed");
            (status, error) = (RunStatus.Failed, ex.Message);
        }
        await store.FinishRunAsync(plan.RunId, status, error, CancellationToken.None);
        telemetry.RunsFinished.Add(1, new KeyValuePair<string, object?>("status", status.ToWire()));
        activity?.SetTag("tracefix.status", status.ToWire());
        logger.LogInformation("Run ended: {Status}", status.ToWire());
        await events.RunChangedAsync(plan.RunId);
    }

    private async Task<(RunStatus, string?)> PlayAllAsync(RunPlan plan, IAgent agent, CancellationToken cancellationToken)
    {
        var sequence = 0L;
        var failures = 0;
        string? lastFailure = null;
        for (var index = 0; index < plan.Tasks.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var recorder = new EpisodeRecorder(store, events, clock, options.Value.MaxStoredOutputChars);
            var failure = await PlayEpisodeAsync(plan, agent, index, recorder, sequence, cancellationToken);
            sequence = recorder.LastSequence;
            if (failure is not null)
            {
                failures++;
                lastFailure = failure;
            }
            await events.RunChangedAsync(plan.RunId);
        }
        return failures > 0 && failures == plan.Tasks.Count
            ? (RunStatus.Failed, lastFailure)
            : (RunStatus.Completed, lastFailure is null ? null : $"{failures} episode(s) failed; last: {lastFailure}");
    }

    /// <summary>Plays one episode; returns the error that broke it, or null when it ran to its end.</summary>
    private async Task<string?> PlayEpisodeAsync(RunPlan plan, IAgent agent, int index, EpisodeRecorder recorder, long sequence,
        CancellationToken cancellationToken)
    {
        var task = plan.Tasks[index];
        var difficulty = catalog.Find(task)?.Difficulty.ToWire() ?? "";
        var runOptions = new EpisodeRunOptions { MaxSteps = plan.MaxSteps, Seed = plan.Seed + index };
        try
        {
            await recorder.CreateAsync(plan.RunId, index, task, difficulty, sequence);
            using var episodeScope = logger.BeginScope(new Dictionary<string, object> { ["EpisodeId"] = recorder.Episode!.Id });
            // A fork's one episode resumes from its fork point, rebuilt from the store now (the plan holds only the point).
            var snapshot = plan.ForkFrom is { } point && index == 0 ? (await forks.BuildAsync(point, cancellationToken)).Snapshot : null;
            await using var environment = environments.Create(plan.MaxSteps);
            await using var liveText = LiveTextRelay.Attach(agent, events, plan.RunId, recorder.Episode.Id, clock);
            var resetOptions = new ResetOptions(task, Seed: plan.Seed + index, Snapshot: snapshot);
            var outcome = await new EpisodeRunner(clock).RunAsync(agent, environment, resetOptions, runOptions,
                onReset: reset => recorder.ResetAsync(reset),
                onStep: async step => await recorder.RecordAsync(step),
                cancellationToken: cancellationToken);
            var labels = FailureLabels.For(outcome, recorder.Steps, plan.MaxSteps - (snapshot?.StepCount ?? 0));
            await recorder.FinishAsync(EpisodeStatus.Completed, outcome.Success, outcome.Score, labels, outcome.StopReason);
            logger.LogInformation("Episode {Index} on {Task}: success={Success} score={Score} steps={Steps}",
                index, task, outcome.Success, outcome.Score, recorder.Steps.Count);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is marked cancelled next: its last step must be stored first (viewers finish from the store).
            await recorder.FlushQuietlyAsync();
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Episode {Index} on {Task} failed", index, task);
            if (recorder.Episode is null)
            {
                throw;
            }
            await recorder.FinishAsync(EpisodeStatus.Failed, false, null, [FailureLabelCodes.Error], ex.Message);
            return ex.Message;
        }
    }

    private static async ValueTask DisposeAsync(IAgent agent)
    {
        if (agent is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (agent is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
