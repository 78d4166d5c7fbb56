using System.Text.Json;
using System.Text.Json.Serialization;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Services;

/// <summary>Shapes only the dashboard reads: problem documents and pages of steps.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProblemDocument))]
[JsonSerializable(typeof(List<StepDto>))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
