using Microsoft.EntityFrameworkCore;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

/// <summary>What a fork needs from the step it forks from: that step's episode up to it, and where that episode itself began.</summary>
/// <param name="RunForkedFrom">Where the step's run forked from, when the step is in that run's forked (first) episode.</param>
public sealed record ForkSourceRows(int MaxSteps, ForkPoint? RunForkedFrom, int EpisodeIndex, string TaskName, IReadOnlyList<StepRecord> Steps);

public sealed partial class RunStore
{
    /// <summary>The rows behind a fork point; null when the run has no step with that sequence.</summary>
    public async Task<ForkSourceRows?> GetForkSourceAsync(ForkPoint point, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var run = await db.Runs.AsNoTracking().Where(r => r.Id == point.RunId)
            .Select(r => new { r.MaxSteps, r.ParentRunId, r.ForkSequence }).FirstOrDefaultAsync(cancellationToken);
        var step = await db.Steps.AsNoTracking().Where(s => s.RunId == point.RunId && s.Sequence == point.Sequence)
            .Select(s => new { s.EpisodeId }).FirstOrDefaultAsync(cancellationToken);
        if (run is null || step is null)
        {
            return null;
        }
        var episode = await db.Episodes.AsNoTracking().Where(e => e.Id == step.EpisodeId)
            .Select(e => new { e.Index, e.TaskName }).FirstAsync(cancellationToken);
        var steps = await db.Steps.AsNoTracking().Where(s => s.EpisodeId == step.EpisodeId && s.Sequence <= point.Sequence)
            .OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
        var forkedFrom = episode.Index == 0 && run.ParentRunId is { } parent && run.ForkSequence is { } sequence
            ? new ForkPoint(parent, sequence)
            : null;
        return new ForkSourceRows(run.MaxSteps, forkedFrom, episode.Index, episode.TaskName, steps);
    }
}
