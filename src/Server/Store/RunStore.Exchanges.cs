using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

public sealed partial class RunStore
{
    public async Task AddExchangeAsync(Guid runId, ModelExchange exchange, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        db.StepExchanges.Add(new StepExchangeRecord
        {
            RunId = runId,
            Sequence = exchange.Sequence,
            Json = JsonSerializer.Serialize(exchange, RunsJsonContext.Default.ModelExchange),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The model exchange of one step; null when the step had none (an agent without a model, or no such step).</summary>
    public async Task<ModelExchange?> GetExchangeAsync(Guid runId, long sequence, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var json = await db.StepExchanges.AsNoTracking().Where(x => x.RunId == runId && x.Sequence == sequence)
            .Select(x => x.Json).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize(json, RunsJsonContext.Default.ModelExchange);
    }
}
