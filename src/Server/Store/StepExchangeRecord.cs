namespace TraceFix.Server.Store;

/// <summary>
/// The LLM agent's exchange for one step (<see cref="Contracts.Runs.ModelExchange"/> as JSON), kept apart from the steps so
/// that paging steps never reads it; it is loaded only when someone opens a step's Model tab.
/// </summary>
public sealed class StepExchangeRecord
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public long Sequence { get; set; }
    public required string Json { get; set; }
}
