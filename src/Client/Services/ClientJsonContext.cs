using System.Text.Json.Serialization;

namespace TraceFix.Client.Services;

[JsonSerializable(typeof(ProblemDocument))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
