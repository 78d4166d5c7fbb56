using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

public sealed partial class RunStore
{
    /// <summary>Stores an exported run under a new id in one transaction. A run exported while unfinished arrives interrupted.</summary>
    public async Task<Guid> ImportAsync(RunSummary run, IReadOnlyList<(EpisodeDto Episode, IReadOnlyList<StepDto> Steps)> episodes,
        CancellationToken cancellationToken = default)
    {
        var id = Guid.CreateVersion7();
        var finished = episodes.Where(e => e.Episode.Status is not EpisodeStatus.Running and not EpisodeStatus.Interrupted and not EpisodeStatus.Cancelled).ToList();
        var record = new RunRecord
        {
            Id = id,
            Status = run.Status.IsTerminal() ? run.Status : RunStatus.Interrupted,
            AgentKind = run.AgentKind,
            Model = run.Model,
            ModelEndpoint = run.ModelEndpoint is { Length: <= 64 } endpoint ? endpoint : null,
            InputPricePerMTok = run.InputPricePerMTok is >= 0 and <= double.MaxValue ? run.InputPricePerMTok : null,
            OutputPricePerMTok = run.OutputPricePerMTok is >= 0 and <= double.MaxValue ? run.OutputPricePerMTok : null,
            TaskSelection = run.TaskSelection,
            PlannedTasks = string.Join('\n', episodes.Select(e => e.Episode.TaskName)),
            PlannedEpisodes = Math.Max(run.PlannedEpisodes, episodes.Count),
            MaxSteps = run.MaxSteps,
            Seed = run.Seed,
            ReplaySourceRunId = null,
            CreatedAt = run.CreatedAt,
            StartedAt = run.StartedAt,
            FinishedAt = run.FinishedAt ?? clock.GetUtcNow(),
            EpisodeCount = finished.Count,
            SolvedCount = finished.Count(e => e.Episode.Success),
            ScoredEpisodes = finished.Count(e => e.Episode.FinalScore is not null),
            ScoreSum = finished.Sum(e => e.Episode.FinalScore ?? 0),
            TotalTokens = episodes.Sum(e => e.Steps.Sum(s => (long)s.PromptTokens + s.CompletionTokens)),
            PromptTokens = episodes.Sum(e => e.Steps.Sum(s => (long)s.PromptTokens)),
            Error = run.Error,
        };
        foreach (var (episode, steps) in episodes)
        {
            record.Episodes.Add(new EpisodeRecord
            {
                RunId = id,
                Index = episode.Index,
                TaskName = episode.TaskName,
                Difficulty = episode.Difficulty,
                Status = episode.Status == EpisodeStatus.Running ? EpisodeStatus.Interrupted : episode.Status,
                Success = episode.Success,
                FinalScore = episode.FinalScore,
                StepCount = steps.Count,
                FailureLabels = StoreMapping.JoinLabels(episode.FailureLabels),
                StopReason = episode.StopReason,
                OriginalCode = episode.OriginalCode,
                Tokens = steps.Sum(s => (long)s.PromptTokens + s.CompletionTokens),
                PromptTokens = steps.Sum(s => (long)s.PromptTokens),
                StartedAt = episode.StartedAt,
                FinishedAt = episode.FinishedAt,
                Steps = [.. steps.Select(s => s.ToRecord(id, 0))],
            });
        }
        await using var db = factory.CreateDbContext();
        db.Runs.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }
}
