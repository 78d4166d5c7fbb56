using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Episodes;
using TraceFix.Core.Tasks;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs;

/// <summary>Where a fork starts: the forked step's task, the snapshot its episode resumes from, and the parent's step budget.</summary>
/// <param name="EpisodeIndex">The forked step's episode in the parent (0-based).</param>
/// <param name="StepIndex">The forked step's number in that episode (the snapshot's step count also counts what a forked parent inherited).</param>
public sealed record ForkStart(string TaskName, EpisodeSnapshot Snapshot, int ParentMaxSteps, int EpisodeIndex, int StepIndex);

/// <summary>A fork point that cannot be forked from; the message says why. <see cref="NotFound"/>: no such run or step.</summary>
public sealed class ForkSourceException(string message, bool notFound = false) : Exception(message)
{
    public bool NotFound { get; } = notFound;
}

/// <summary>
/// Rebuilds the state after a stored step from the store: the code stored with it, the undo history replayed from the
/// steps before it in its episode, and, when that episode was itself a fork, the history it inherited from its parent.
/// </summary>
public sealed class ForkSnapshots(RunStore store, TaskCatalog catalog)
{
    /// <summary>How many forks of forks are followed back; the chain cannot loop (a parent is older), this only bounds the work.</summary>
    public const int MaxDepth = 32;

    /// <exception cref="ForkSourceException">No such run or step, an unknown task, or a chain that cannot be rebuilt.</exception>
    public Task<ForkStart> BuildAsync(ForkPoint point, CancellationToken cancellationToken) => BuildAsync(point, 0, cancellationToken);

    private async Task<ForkStart> BuildAsync(ForkPoint point, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            throw new ForkSourceException($"the run is a fork more than {MaxDepth} levels deep");
        }
        if (point.Sequence < 1)
        {
            throw new ForkSourceException("sequence must be 1 or more (a stored step's sequence number)");
        }
        var rows = await store.GetForkSourceAsync(point, cancellationToken);
        if (rows is null)
        {
            throw new ForkSourceException(await store.GetStatusAsync(point.RunId, cancellationToken) is null
                ? $"run {point.RunId} does not exist"
                : $"run {point.RunId} has no step with sequence {point.Sequence}", notFound: depth == 0);
        }
        var task = catalog.Find(rows.TaskName)
            ?? throw new ForkSourceException($"the step's task '{rows.TaskName}' is not loaded on this server");
        EpisodeSnapshot? start = null;
        if (rows.RunForkedFrom is { } inherited)
        {
            try
            {
                start = (await BuildAsync(inherited, depth + 1, cancellationToken)).Snapshot;
            }
            catch (ForkSourceException ex)
            {
                throw new ForkSourceException($"run {point.RunId} is a fork whose own start cannot be rebuilt: {ex.Message}");
            }
        }
        var steps = rows.Steps.Select(s => new RecordedStepState(s.Index, Enum.TryParse<ActionType>(s.ActionType, out var type) ? type : ActionType.VIEW_CODE, s.StartLine, s.EndLine,
            s.CodeBlock, s.CodeSnapshot, s.CumulativeReward, s.PassCount, s.SyntaxError)).ToList();
        var snapshot = SnapshotReplay.Rebuild(SourceText.Join(task.SolutionLines), start, steps);
        return new ForkStart(task.Name, snapshot, rows.MaxSteps, rows.EpisodeIndex, rows.Steps[^1].Index);
    }
}
