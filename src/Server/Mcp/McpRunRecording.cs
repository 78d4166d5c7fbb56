using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;
using TraceFix.Server.Hubs;
using TraceFix.Server.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Mcp;

/// <summary>
/// Records what an MCP client does as a run of agent kind <c>mcp</c>: the run is created at the first <c>reset</c>
/// tool call, each reset opens an episode, each action tool call is a step (stored and streamed to viewers), and the
/// run completes when the session ends. Calls arrive one at a time (the session's gate serialises them).
/// </summary>
public sealed class McpRunRecording(RunStore store, RunEvents events, TimeProvider clock, int maxOutputChars, ILogger logger)
{
    private Guid? _runId;
    private EpisodeRecorder? _episode;
    private string? _episodeKey;
    private int _episodes;
    private int _maxSteps;
    private double _cumulative;
    private long _last;

    public Guid? RunId => _runId;

    public string Model { get; set; } = McpProtocol.DefaultModel;

    public async Task ResetAsync(ResetOptions options, StepResult reset)
    {
        var task = reset.Observation.Info.GetValueOrDefault("task_name")?.ToString() ?? "unknown";
        var difficulty = reset.Observation.Info.GetValueOrDefault("task_difficulty")?.ToString() ?? "";
        await AbandonEpisodeAsync("the client reset the environment");
        var now = clock.GetUtcNow();
        if (_runId is not { } runId)
        {
            runId = Guid.CreateVersion7();
            _maxSteps = reset.Observation.StepsRemaining;
            await store.CreateRunAsync(new RunRecord
            {
                Id = runId,
                Status = RunStatus.Running,
                AgentKind = AgentKinds.Mcp,
                Model = Model,
                TaskSelection = task,
                PlannedTasks = task,
                PlannedEpisodes = 1,
                MaxSteps = _maxSteps,
                Seed = options.Seed ?? 0,
                CreatedAt = now,
                StartedAt = now,
            });
            _runId = runId;
            await events.RunChangedAsync(runId, CancellationToken.None);
        }
        else
        {
            await store.ExtendPlanAsync(runId, task);
        }
        var recorder = new EpisodeRecorder(store, events, clock, maxOutputChars);
        await recorder.CreateAsync(runId, _episodes, task, difficulty, _last);
        await recorder.ResetAsync(reset);
        _episode = recorder;
        _episodeKey = EpisodeKey(reset);
        _episodes++;
        _cumulative = 0;
    }

    public async Task StepAsync(CodeAction action, StepResult result, double environmentMs)
    {
        if (_episode is not { } recorder)
        {
            return;
        }
        if (EpisodeKey(result) != _episodeKey)
        {
            // The episode was reset outside MCP (a plain reset on /ws); its steps are not this recording's.
            await AbandonEpisodeAsync("the environment was reset outside MCP");
            return;
        }
        _cumulative = Math.Round(_cumulative + (result.Reward ?? 0), 4);
        var error = result.Observation.Metadata.GetValueOrDefault("last_action_error")?.ToString();
        await recorder.RecordAsync(recorder.Steps.Count + 1, action, result, _cumulative, error, environmentMs);
        if (result.Done)
        {
            var rewards = recorder.Steps.Select(s => s.Reward).ToList();
            var score = EpisodeRunner.Score(result, rewards);
            var outcome = new EpisodeOutcome(recorder.Episode!.TaskName, score >= 0.98, rewards.Count, score, rewards, null);
            await recorder.FinishAsync(EpisodeStatus.Completed, outcome.Success, score, FailureLabels.For(outcome, recorder.Steps, _maxSteps), null);
            await events.RunChangedAsync(recorder.Episode.RunId, CancellationToken.None);
            _last = recorder.LastSequence;
            _episode = null;
        }
    }

    /// <summary>Ends the recording when the session ends: an open episode is cancelled, the run completes.</summary>
    public async Task CloseAsync(string reason)
    {
        await AbandonEpisodeAsync(reason);
        if (_runId is { } runId && await store.FinishRunAsync(runId, RunStatus.Completed, null, CancellationToken.None))
        {
            await events.RunChangedAsync(runId, CancellationToken.None);
        }
    }

    private async Task AbandonEpisodeAsync(string reason)
    {
        if (_episode is not { } recorder)
        {
            return;
        }
        _episode = null;
        _last = recorder.LastSequence;
        try
        {
            await recorder.FinishAsync(EpisodeStatus.Cancelled, false, null, [], reason);
            await events.RunChangedAsync(recorder.Episode!.RunId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not close the recorded MCP episode {EpisodeId}", recorder.Episode?.Id);
        }
    }

    private static string? EpisodeKey(StepResult result) => result.Observation.Info.GetValueOrDefault("episode_id")?.ToString();
}
