using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;
using TraceFix.Server.Hubs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs;

/// <summary>
/// Stores one episode as it is played and tells viewers: the episode row at reset, each step as soon as it is committed,
/// the outcome at the end. Used by the run engine and by manual play.
/// <para>
/// An agent's step is committed while the agent works on its next one: <see cref="RecordAsync(EpisodeStep)"/> hands the
/// step to the store's group commit and returns; the next record (or the finish) first waits for it. So at most one
/// step per episode is in flight, a step is stored only after the one before it, viewers hear of a step only once it
/// is stored, and a crash loses at most a step that nobody has seen. Manual play waits for each step, since its answer
/// shows the step to the player.
/// </para>
/// </summary>
public sealed class EpisodeRecorder(RunStore store, RunEvents events, TimeProvider clock, int maxOutputChars)
{
    private readonly List<StepDto> _steps = [];
    private string _code = "";
    private long _sequence;
    private Task _inFlight = Task.CompletedTask;

    public EpisodeRecord? Episode { get; private set; }

    public IReadOnlyList<StepDto> Steps => _steps;

    /// <summary>Sequence of the last stored step of the run (the next episode continues from it).</summary>
    public long LastSequence => _sequence;

    /// <summary>Stores the episode row before the reset, so that logs of the whole episode can carry its id.</summary>
    public async ValueTask CreateAsync(Guid runId, int index, string taskName, string difficulty, long lastSequence)
    {
        _sequence = lastSequence;
        Episode = new EpisodeRecord
        {
            RunId = runId,
            Index = index,
            TaskName = taskName,
            Difficulty = difficulty,
            Status = EpisodeStatus.Running,
            StartedAt = clock.GetUtcNow(),
        };
        await store.StartEpisodeAsync(Episode, CancellationToken.None);
    }

    /// <summary>Records the code the reset produced and announces the episode.</summary>
    public async ValueTask ResetAsync(StepResult reset)
    {
        var episode = Episode ?? throw new InvalidOperationException("the episode was not created");
        _code = StepConversion.CodeOf(reset.Observation);
        episode.OriginalCode = _code;
        await store.SetOriginalCodeAsync(episode.Id, _code, CancellationToken.None);
        await events.EpisodeStartedAsync(episode.AsDto());
    }

    public async ValueTask<StepDto> RecordAsync(EpisodeStep step)
    {
        var dto = await StoreAsync(episodeId => StepConversion.ToDto(step, _sequence + 1, episodeId, _code, maxOutputChars),
            waitUntilStored: false);
        if (step.Exchange is { } exchange)
        {
            await store.AddExchangeAsync(Episode!.RunId, exchange with { Sequence = dto.Sequence }, CancellationToken.None);
        }
        return dto;
    }

    public ValueTask<StepDto> RecordAsync(int index, CodeAction action, StepResult result, double cumulativeReward, string? error, double environmentMs) =>
        StoreAsync(episodeId => StepConversion.Build(_sequence + 1, episodeId, index, action, result, cumulativeReward, error, null,
            environmentMs, clock.GetUtcNow(), _code, maxOutputChars), waitUntilStored: true);

    /// <summary>Waits until every recorded step is stored; throws if one could not be.</summary>
    public async Task FlushAsync()
    {
        var inFlight = _inFlight;
        _inFlight = Task.CompletedTask;
        await inFlight;
    }

    /// <summary>As <see cref="FlushAsync"/>, for paths that are already failing: a step that could not be stored is simply not stored.</summary>
    public async Task FlushQuietlyAsync()
    {
        try
        {
            await FlushAsync();
        }
        catch (Exception)
        {
            // The store is failing; whatever ends the run reports that.
        }
    }

    public async Task FinishAsync(EpisodeStatus status, bool success, double? score, IReadOnlyList<string> labels, string? stopReason)
    {
        var episode = Episode ?? throw new InvalidOperationException("the episode was not started");
        await FlushAsync();
        episode.Status = status;
        episode.Success = success;
        episode.FinalScore = score is null ? null : Math.Round(score.Value, 4);
        episode.StepCount = _steps.Count;
        episode.FailureLabels = StoreMapping.JoinLabels(labels);
        episode.StopReason = stopReason;
        episode.Tokens = _steps.Sum(s => (long)s.PromptTokens + s.CompletionTokens);
        episode.FinishedAt = clock.GetUtcNow();
        episode.PromptTokens = _steps.Sum(s => (long)s.PromptTokens);
        await store.FinishEpisodeAsync(episode, CancellationToken.None);
        await events.EpisodeFinishedAsync(episode.AsDto());
    }

    private async ValueTask<StepDto> StoreAsync(Func<long, StepDto> build, bool waitUntilStored)
    {
        var episode = Episode ?? throw new InvalidOperationException("the episode was not started");
        await FlushAsync();
        var dto = build(episode.Id);
        // The step already happened in the environment: record it even when the run is being cancelled.
        var runId = episode.RunId;
        _inFlight = store.AppendStepAsync(dto.ToRecord(runId, episode.Id), () => events.StepStored(runId, dto), CancellationToken.None);
        _sequence = dto.Sequence;
        _code = dto.CodeSnapshot;
        _steps.Add(dto);
        if (waitUntilStored)
        {
            await FlushAsync();
        }
        return dto;
    }
}
