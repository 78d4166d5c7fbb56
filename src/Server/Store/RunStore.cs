using Microsoft.EntityFrameworkCore;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

/// <summary>
/// Writes of the trajectory store. Every call is its own short transaction; steps are group-committed (see
/// <see cref="StepCommitter"/>), and an append returns only once its step is stored.
/// </summary>
public sealed partial class RunStore(IDbContextFactory<TraceFixDb> factory, TimeProvider clock) : IAsyncDisposable
{
    private readonly StepCommitter _steps = new(factory);

    public async Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves a queued run to running; false when it was cancelled (or removed) while it waited.</summary>
    public async Task<bool> TryStartRunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var now = clock.GetUtcNow();
        return await db.Runs.Where(r => r.Id == runId && r.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Running).SetProperty(r => r.StartedAt, now), cancellationToken) > 0;
    }

    /// <summary>Ends a run that has not ended yet; false when it already had a final status.</summary>
    public async Task<bool> FinishRunAsync(Guid runId, RunStatus status, string? error, CancellationToken cancellationToken = default) =>
        await FinishRunCoreAsync(runId, status, error, null, cancellationToken);

    /// <summary>
    /// Cancels a run that the engine does not hold: a queued one, or a manual one (played through the API).
    /// False when its status moved on in the meantime.
    /// </summary>
    public async Task<bool> CancelIfAsync(Guid runId, RunStatus seen, string manualKind, CancellationToken cancellationToken = default)
    {
        if (seen == RunStatus.Running)
        {
            await using var db = factory.CreateDbContext();
            if (!await db.Runs.AnyAsync(r => r.Id == runId && r.AgentKind == manualKind, cancellationToken))
            {
                return false;
            }
        }
        return await FinishRunCoreAsync(runId, RunStatus.Cancelled, "cancelled by request", seen, cancellationToken);
    }

    private async Task<bool> FinishRunCoreAsync(Guid runId, RunStatus status, string? error, RunStatus? expected, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        // One transaction: a reader never sees the run ended while one of its episodes still says running.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var open = db.Runs.Where(r => r.Id == runId && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running));
        if (expected is { } only)
        {
            open = open.Where(r => r.Status == only);
        }
        var changed = await open
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Error, error),
                cancellationToken) > 0;
        if (changed && status is not RunStatus.Completed)
        {
            var episodeStatus = status == RunStatus.Cancelled ? EpisodeStatus.Cancelled : status == RunStatus.Failed ? EpisodeStatus.Failed : EpisodeStatus.Interrupted;
            await db.Episodes.Where(e => e.RunId == runId && e.Status == EpisodeStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, episodeStatus).SetProperty(e => e.FinishedAt, now), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task StartEpisodeAsync(EpisodeRecord episode, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        db.Episodes.Add(episode);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetOriginalCodeAsync(long episodeId, string code, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        await db.Episodes.Where(e => e.Id == episodeId).ExecuteUpdateAsync(s => s.SetProperty(e => e.OriginalCode, code), cancellationToken);
    }

    /// <summary>Stores one step; returns once it is durable. Concurrent appends share a transaction.</summary>
    public Task AppendStepAsync(StepRecord step, CancellationToken cancellationToken = default) =>
        _steps.AppendAsync(step, null, cancellationToken);

    /// <summary>Stores one step and runs <paramref name="onDurable"/> once it is durable, in the order the steps were appended.</summary>
    public Task AppendStepAsync(StepRecord step, Action onDurable, CancellationToken cancellationToken = default) =>
        _steps.AppendAsync(step, onDurable, cancellationToken);

    /// <summary>Stores the given steps in one transaction of their own, without the group commit (imports, benchmarks).</summary>
    public async Task AppendStepsAsync(IReadOnlyList<StepRecord> steps, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        await StepInsert.For(db).ExecuteAsync(db, steps, cancellationToken);
    }

    /// <summary>Stores an episode's outcome and folds it into its run's counters in one transaction.</summary>
    public async Task FinishEpisodeAsync(EpisodeRecord episode, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Episodes.Where(e => e.Id == episode.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, episode.Status)
            .SetProperty(e => e.Success, episode.Success)
            .SetProperty(e => e.FinalScore, episode.FinalScore)
            .SetProperty(e => e.StepCount, episode.StepCount)
            .SetProperty(e => e.FailureLabels, episode.FailureLabels)
            .SetProperty(e => e.StopReason, episode.StopReason)
            .SetProperty(e => e.Tokens, episode.Tokens)
            .SetProperty(e => e.PromptTokens, episode.PromptTokens)
            .SetProperty(e => e.FinishedAt, episode.FinishedAt), cancellationToken);
        var solved = episode.Success ? 1 : 0;
        var scored = episode.FinalScore is null ? 0 : 1;
        var score = episode.FinalScore ?? 0;
        await db.Runs.Where(r => r.Id == episode.RunId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.EpisodeCount, r => r.EpisodeCount + 1)
            .SetProperty(r => r.SolvedCount, r => r.SolvedCount + solved)
            .SetProperty(r => r.ScoredEpisodes, r => r.ScoredEpisodes + scored)
            .SetProperty(r => r.ScoreSum, r => r.ScoreSum + score)
            .SetProperty(r => r.TotalTokens, r => r.TotalTokens + episode.Tokens)
            .SetProperty(r => r.PromptTokens, r => r.PromptTokens + episode.PromptTokens), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Start-up recovery of a single-instance store: runs left running by a previous process become interrupted; steps
    /// are kept. Queued runs stay queued: the engine plays them.
    /// </summary>
    public async Task<int> MarkInterruptedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var stale = await db.Runs.Where(r => r.Status == RunStatus.Running)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in stale)
        {
            await FinishRunAsync(id, RunStatus.Interrupted, "the server stopped before the run finished", cancellationToken);
        }
        return stale.Count;
    }

    public async Task<bool> DeleteAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.StepExchanges.Where(x => x.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.Steps.Where(s => s.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.Episodes.Where(e => e.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        var removed = await db.Runs.Where(r => r.Id == runId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }

    public ValueTask DisposeAsync() => _steps.DisposeAsync();
}
