namespace TraceFix.Contracts.Runs;

/// <summary>
/// One model endpoint the llm agent can run with (<c>GET /api/models</c>): its name (what a run request gives as
/// <c>model</c>), the model id it asks for and its prices in USD per million tokens. Never its key.
/// </summary>
public sealed record ModelInfo(string Name, string Model, double InputPricePerMTok, double OutputPricePerMTok);
