using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;
using TraceFix.Core.Tasks;
using TraceFix.Server.Hubs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs.Play;

/// <summary>
/// Manual play: a person steps one episode through the API. Each session is a run of agent kind "manual", stored and
/// streamed like any other; <see cref="PlaySessionReaper"/> closes (cancels) sessions idle for <see cref="RunEngineOptions.PlayIdleMinutes"/>.
/// </summary>
public sealed class PlaySessions(
    RunStore store,
    RunEvents events,
    IEpisodeEnvironmentFactory environments,
    TaskCatalog catalog,
    IOptions<RunEngineOptions> options,
    Hosting.InstanceIdentity instance,
    TimeProvider clock,
    ILogger<PlaySessions> logger) : IAsyncDisposable
{
    private const string ManualModel = "human";
    private readonly ConcurrentDictionary<Guid, PlayState> _sessions = new();

    public async Task<PlayOutcome<Contracts.Runs.PlaySession>> StartAsync(StartPlayRequest request, CancellationToken cancellationToken)
    {
        var errors = Validate(request, out var task);
        if (errors.Count > 0 || task is null)
        {
            return new(null, errors);
        }
        var maxSteps = request.MaxSteps ?? options.Value.MaxStepsPerEpisode;
        var now = clock.GetUtcNow();
        var run = new RunRecord
        {
            Id = Guid.CreateVersion7(),
            Status = RunStatus.Running,
            AgentKind = AgentKinds.Manual,
            Model = ManualModel,
            TaskSelection = task.Name,
            PlannedTasks = task.Name,
            PlannedEpisodes = 1,
            MaxSteps = maxSteps,
            Seed = request.Seed ?? 0,
            CreatedAt = now,
            StartedAt = now,
            ClaimedBy = instance.Name,
            LeaseExpiresAt = now + options.Value.Lease,
        };
        await store.CreateRunAsync(run, cancellationToken);
        var environment = environments.Create(maxSteps);
        try
        {
            var recorder = new EpisodeRecorder(store, events, clock, options.Value.MaxStoredOutputChars);
            await recorder.CreateAsync(run.Id, 0, task.Name, task.Difficulty.ToWire(), 0);
            var reset = await environment.ResetAsync(new ResetOptions(task.Name, Seed: request.Seed), cancellationToken);
            await recorder.ResetAsync(reset);
            _sessions[run.Id] = new PlayState(run.Id, environment, recorder, maxSteps, now);
            await events.RunChangedAsync(run.Id, CancellationToken.None);
            return new(new Contracts.Runs.PlaySession(run.Id, run.Id, recorder.Episode!.Id, task.Name, task.Difficulty.ToWire(), maxSteps, reset));
        }
        catch
        {
            await environment.DisposeAsync();
            await store.FinishRunAsync(run.Id, RunStatus.Failed, "the episode could not be started", CancellationToken.None);
            await events.RunChangedAsync(run.Id, CancellationToken.None);
            throw;
        }
    }

    public async Task<PlayOutcome<PlayStepResult>> StepAsync(Guid sessionId, CodeAction action, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(sessionId, out var session))
        {
            return await store.GetStatusAsync(sessionId, cancellationToken) is null
                ? new(null, Failure: PlayFailure.NotFound)
                : new(null, Failure: PlayFailure.Closed);
        }
        await session.Gate.WaitAsync(cancellationToken);
        try
        {
            if (session.Closed || await store.GetStatusAsync(sessionId, cancellationToken) is not RunStatus.Running)
            {
                await CloseAsync(session, null);
                return new(null, Failure: PlayFailure.Closed);
            }
            session.LastUsed = clock.GetUtcNow();
            var started = Stopwatch.GetTimestamp();
            var result = await session.Environment.StepAsync(action, cancellationToken);
            var environmentMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            session.CumulativeReward = Math.Round(session.CumulativeReward + (result.Reward ?? 0), 4);
            var error = result.Observation.Metadata.GetValueOrDefault("last_action_error")?.ToString();
            var index = session.Recorder.Steps.Count + 1;
            var step = await session.Recorder.RecordAsync(index, action, result, session.CumulativeReward, error, environmentMs);
            if (result.Done || index >= session.MaxSteps)
            {
                await FinishAsync(session, result);
            }
            return new(new PlayStepResult(step, result));
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>Ends a session early; its run becomes cancelled. False when there is no such open session.</summary>
    public async Task<bool> CloseAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(sessionId, out var session))
        {
            return false;
        }
        await session.Gate.WaitAsync(cancellationToken);
        try
        {
            await CloseAsync(session, "closed by the player");
            return true;
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>Closes the sessions idle for longer than <see cref="RunEngineOptions.PlayIdleMinutes"/> (called by <see cref="PlaySessionReaper"/>).</summary>
    public async Task<int> CloseIdleAsync(CancellationToken cancellationToken)
    {
        var idle = TimeSpan.FromMinutes(options.Value.PlayIdleMinutes);
        var closed = 0;
        foreach (var session in _sessions.Values.Where(s => clock.GetUtcNow() - s.LastUsed > idle))
        {
            await session.Gate.WaitAsync(cancellationToken);
            try
            {
                // A step may have arrived while this waited for the gate.
                if (!session.Closed && clock.GetUtcNow() - session.LastUsed > idle)
                {
                    logger.LogInformation("Closing play session {RunId}: idle for more than {Minutes} min", session.RunId, options.Value.PlayIdleMinutes);
                    await CloseAsync(session, $"closed after {options.Value.PlayIdleMinutes} idle minute(s)");
                    closed++;
                }
            }
            finally
            {
                session.Gate.Release();
            }
        }
        return closed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions.Values)
        {
            await session.Environment.DisposeAsync();
        }
        _sessions.Clear();
    }

    private async Task FinishAsync(PlayState session, StepResult last)
    {
        var rewards = session.Recorder.Steps.Select(s => s.Reward).ToList();
        var score = EpisodeRunner.Score(last, rewards);
        var success = last.Done && score >= 0.98;
        var outcome = new EpisodeOutcome(session.Recorder.Episode!.TaskName, success, rewards.Count, score, rewards, null);
        await session.Recorder.FinishAsync(EpisodeStatus.Completed, success, score,
            FailureLabels.For(outcome, session.Recorder.Steps, session.MaxSteps), null);
        await store.FinishRunAsync(session.RunId, RunStatus.Completed, null, CancellationToken.None);
        await events.RunChangedAsync(session.RunId, CancellationToken.None);
        await ForgetAsync(session);
    }

    private async Task CloseAsync(PlayState session, string? reason)
    {
        if (reason is not null && await store.FinishRunAsync(session.RunId, RunStatus.Cancelled, reason, CancellationToken.None))
        {
            await events.RunChangedAsync(session.RunId, CancellationToken.None);
        }
        await ForgetAsync(session);
    }

    private async Task ForgetAsync(PlayState session)
    {
        session.Closed = true;
        if (_sessions.TryRemove(session.RunId, out _))
        {
            await session.Environment.DisposeAsync();
        }
    }

    private Dictionary<string, string[]> Validate(StartPlayRequest request, out DebugTask? task)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        task = null;
        if (!string.IsNullOrWhiteSpace(request.Task))
        {
            task = catalog.Find(request.Task);
            if (task is null)
            {
                errors["task"] = [$"unknown task '{request.Task}'; known tasks: {string.Join(", ", catalog.All.Select(t => t.Name))}"];
            }
        }
        else
        {
            IReadOnlyList<DebugTask> pool = catalog.All;
            if (!string.IsNullOrWhiteSpace(request.Difficulty))
            {
                if (DifficultyNames.TryParse(request.Difficulty, out var tier))
                {
                    pool = catalog.InTier(tier);
                }
                else
                {
                    errors["difficulty"] = [$"unknown difficulty '{request.Difficulty}': use easy, medium or hard"];
                    pool = [];
                }
            }
            task = pool.Count == 0 ? null : pool[new Random(request.Seed ?? Random.Shared.Next()).Next(pool.Count)];
        }
        if (request.MaxSteps is { } budget && (budget < 1 || budget > options.Value.MaxStepsPerEpisode))
        {
            errors["maxSteps"] = [$"maxSteps must be between 1 and {options.Value.MaxStepsPerEpisode}"];
        }
        if (request.Seed is < 0)
        {
            errors["seed"] = ["seed must not be negative"];
        }
        return errors;
    }
}
