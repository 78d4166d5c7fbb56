using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

public sealed partial class RunStore
{
    public async Task<RunSummary?> GetSummaryAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var row = await db.Runs.AsNoTracking().Where(r => r.Id == runId)
            .Select(r => new { Run = r, Last = db.Steps.Where(s => s.RunId == r.Id).Max(s => (long?)s.Sequence) ?? 0 })
            .FirstOrDefaultAsync(cancellationToken);
        return row?.Run.AsSummary(row.Last);
    }

    public async Task<RunPlan?> GetPlanAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        return run is null
            ? null
            : new RunPlan(run.Id, run.AgentKind, run.Model, run.PlannedTaskNames, run.MaxSteps, run.Seed, run.ReplaySourceRunId,
                run.ParentRunId is { } parent && run.ForkSequence is { } sequence ? new ForkPoint(parent, sequence) : null,
                run.ModelEndpoint);
    }

    public async Task<RunStatus?> GetStatusAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Runs.Where(r => r.Id == runId).Select(r => (RunStatus?)r.Status).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<PagedResult<RunSummary>> ListAsync(RunListFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var query = db.Runs.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(filter.Agent))
        {
            query = query.Where(r => r.AgentKind == filter.Agent);
        }
        if (!string.IsNullOrWhiteSpace(filter.Model))
        {
            query = query.Where(r => r.Model == filter.Model);
        }
        if (TaskFilter.Normalize(filter.Task) is { } task)
        {
            // TaskFilter.Matches in SQL: the whole name is one of the newline-separated planned tasks.
            var needle = "\n" + task + "\n";
            query = query.Where(r => ("\n" + r.PlannedTasks + "\n").Contains(needle));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.CreatedAt)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(r => new { Run = r, Last = db.Steps.Where(s => s.RunId == r.Id).Max(s => (long?)s.Sequence) ?? 0 })
            .ToListAsync(cancellationToken);
        return new PagedResult<RunSummary>([.. rows.Select(x => x.Run.AsSummary(x.Last))], filter.Page, filter.PageSize, total);
    }

    /// <param name="includeSteps">False gives the episodes without their steps (a cheap first paint for long runs).</param>
    public async Task<RunDetail?> GetDetailAsync(Guid runId, CancellationToken cancellationToken = default, bool includeSteps = true)
    {
        await using var db = factory.CreateDbContext();
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return null;
        }
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.RunId == runId).OrderBy(e => e.Index).ToListAsync(cancellationToken);
        if (!includeSteps)
        {
            var lastSequence = await db.Steps.Where(s => s.RunId == runId).MaxAsync(s => (long?)s.Sequence, cancellationToken) ?? 0;
            return new RunDetail(run.AsSummary(lastSequence), [.. episodes.Select(e => e.AsDto())]);
        }
        var steps = await db.Steps.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
        var byEpisode = steps.GroupBy(s => s.EpisodeId).ToDictionary(g => g.Key, g => (IReadOnlyList<StepDto>)[.. g.Select(s => s.AsDto())]);
        var last = steps.Count == 0 ? 0 : steps[^1].Sequence;
        return new RunDetail(run.AsSummary(last), [.. episodes.Select(e => e.AsDto(byEpisode.GetValueOrDefault(e.Id)))]);
    }

    public async Task<EpisodeDto?> GetEpisodeAsync(long episodeId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var episode = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null)
        {
            return null;
        }
        var steps = await db.Steps.AsNoTracking().Where(s => s.EpisodeId == episodeId).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
        return episode.AsDto([.. steps.Select(s => s.AsDto())]);
    }

    /// <summary>
    /// An episode's steps in order, read <paramref name="pageSize"/> at a time, each page from its own short-lived context, so
    /// a slow reader (an export to a slow client) holds neither a connection nor more than one page.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<StepDto>> ReadEpisodeStepPagesAsync(Guid runId, long episodeId, int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = long.MinValue;
        while (true)
        {
            List<StepRecord> page;
            await using (var db = factory.CreateDbContext())
            {
                page = await db.Steps.AsNoTracking().Where(s => s.RunId == runId && s.EpisodeId == episodeId && s.Sequence > after)
                    .OrderBy(s => s.Sequence).Take(pageSize).ToListAsync(cancellationToken);
            }
            if (page.Count > 0)
            {
                yield return [.. page.Select(s => s.AsDto())];
                after = page[^1].Sequence;
            }
            if (page.Count < pageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>Stored steps of a run with a sequence above <paramref name="afterSequence"/>, in order.</summary>
    public async Task<IReadOnlyList<StepDto>> GetStepsAfterAsync(Guid runId, long afterSequence, int limit = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var steps = await db.Steps.AsNoTracking().Where(s => s.RunId == runId && s.Sequence > afterSequence)
            .OrderBy(s => s.Sequence).Take(limit).ToListAsync(cancellationToken);
        return [.. steps.Select(s => s.AsDto())];
    }

    public async Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(string? agent, string? difficulty, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var finished = from e in db.Episodes.AsNoTracking()
                       join r in db.Runs.AsNoTracking() on e.RunId equals r.Id
                       where e.FinalScore != null
                       select new
                       {
                           e.TaskName, e.Difficulty, r.AgentKind, r.Model, e.Success, e.StepCount, Score = e.FinalScore!.Value, e.Tokens,
                           Priced = r.InputPricePerMTok != null && r.OutputPricePerMTok != null,
                           MicroCost = e.PromptTokens * (r.InputPricePerMTok ?? 0) + (e.Tokens - e.PromptTokens) * (r.OutputPricePerMTok ?? 0),
                       };
        if (!string.IsNullOrWhiteSpace(agent))
        {
            finished = finished.Where(x => x.AgentKind == agent);
        }
        if (!string.IsNullOrWhiteSpace(difficulty))
        {
            finished = finished.Where(x => x.Difficulty == difficulty);
        }
        var groups = await finished
            .GroupBy(x => new { x.TaskName, x.Difficulty, x.AgentKind, x.Model })
            .Select(g => new
            {
                g.Key,
                Count = g.Count(),
                Solved = g.Count(x => x.Success),
                MeanSteps = g.Average(x => (double)x.StepCount),
                MeanScore = g.Average(x => x.Score),
                MeanTokens = g.Average(x => (double)x.Tokens),
                Priced = g.Count(x => x.Priced),
                MicroCost = g.Sum(x => x.MicroCost),
            })
            .ToListAsync(cancellationToken);
        return [.. groups
            .Select(g => new LeaderboardRow(g.Key.TaskName, g.Key.Difficulty, g.Key.AgentKind, g.Key.Model, g.Count, g.Solved,
                Math.Round((double)g.Solved / g.Count, 4), Math.Round(g.MeanSteps, 2), Math.Round(g.MeanScore, 4), Math.Round(g.MeanTokens, 1))
            {
                Cost = g.Priced == 0 ? null : Math.Round(g.MicroCost / 1_000_000d, 6),
                CostPerSolved = g.Priced == 0 || g.Solved == 0 ? null : Math.Round(g.MicroCost / 1_000_000d / g.Solved, 6),
            })
            .OrderBy(r => r.TaskName, StringComparer.Ordinal).ThenByDescending(r => r.SolveRate).ThenBy(r => r.MeanSteps)];
    }
}
