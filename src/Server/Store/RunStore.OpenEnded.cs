using Microsoft.EntityFrameworkCore;

namespace TraceFix.Server.Store;

/// <summary>Runs whose episodes are not planned ahead (an MCP client resets as often as it likes): the plan grows as they play.</summary>
public sealed partial class RunStore
{
    /// <summary>Adds one episode of <paramref name="taskName"/> to a run's plan.</summary>
    public async Task ExtendPlanAsync(Guid runId, string taskName, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var suffix = "\n" + taskName;
        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.PlannedEpisodes, r => r.PlannedEpisodes + 1)
            .SetProperty(r => r.PlannedTasks, r => r.PlannedTasks + suffix), cancellationToken);
    }
}
