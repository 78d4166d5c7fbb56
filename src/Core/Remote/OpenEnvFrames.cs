using System.Text.Json;
using System.Text.Json.Nodes;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Remote;

/// <summary>Builds the client's frames and reads the server's, following the OpenEnv /ws message shapes.</summary>
public static class OpenEnvFrames
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>reset data carries only the arguments that are set, as the seed passes keyword arguments.</summary>
    public static string Reset(ResetOptions options)
    {
        var data = new JsonObject();
        PutIfSet(data, "difficulty", options.Difficulty);
        PutIfSet(data, "task_name", options.TaskName);
        PutIfSet(data, "seed", options.Seed);
        PutIfSet(data, "episode_id", options.EpisodeId);
        return new JsonObject { ["type"] = "reset", ["data"] = data }.ToJsonString();
    }

    /// <summary>step data is the action itself with unset fields left out and an empty metadata object, like model_dump(exclude_none=True).</summary>
    public static string Step(CodeAction action)
    {
        var data = new JsonObject
        {
            ["thought"] = action.Thought,
            ["action_type"] = action.ActionType.ToString(),
        };
        PutIfSet(data, "start_line", action.StartLine);
        PutIfSet(data, "end_line", action.EndLine);
        PutIfSet(data, "new_code_block", action.NewCodeBlock);
        data["metadata"] = action.Metadata is { } metadata ? JsonSerializer.SerializeToNode(metadata) : new JsonObject();
        return new JsonObject { ["type"] = "step", ["data"] = data }.ToJsonString();
    }

    public const string State = """{"type":"state"}""";

    public const string Close = """{"type":"close"}""";

    /// <exception cref="OpenEnvServerException">The frame is an error frame.</exception>
    /// <exception cref="InvalidDataException">The frame is not an OpenEnv reply.</exception>
    public static JsonElement Payload(string frame, string expectedType)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        var data = root.TryGetProperty("data", out var d) ? d.Clone() : default;
        if (type == "error")
        {
            var message = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("message", out var m) ? m.ToString() : "unknown error";
            var code = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("code", out var c) ? c.ToString() : null;
            throw new OpenEnvServerException(message, code);
        }
        return type == expectedType && data.ValueKind == JsonValueKind.Object
            ? data
            : throw new InvalidDataException($"expected a '{expectedType}' frame, got '{type ?? "no type"}'");
    }

    /// <summary>
    /// Reads {"observation": {...}, "reward": r, "done": d, "metadata"?: {...}}. Reward and done come from the top
    /// level; metadata from inside the observation, else from the top level (servers that promote it).
    /// </summary>
    public static StepResult Observation(JsonElement data)
    {
        var observation = data.TryGetProperty("observation", out var o) && o.ValueKind == JsonValueKind.Object
            ? o.Deserialize<Observation>(Json) ?? new Observation()
            : throw new InvalidDataException("observation frame without an observation object");
        if (observation.Metadata.Count == 0 && data.TryGetProperty("metadata", out var top) && top.ValueKind == JsonValueKind.Object)
        {
            observation = observation with { Metadata = top.Deserialize<Dictionary<string, object?>>(Json) ?? [] };
        }
        double? reward = data.TryGetProperty("reward", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : null;
        var done = data.TryGetProperty("done", out var dn) && dn.ValueKind == JsonValueKind.True;
        return new StepResult(observation with { Reward = reward, Done = done }, reward, done);
    }

    public static EpisodeState StateOf(JsonElement data) => data.Deserialize<EpisodeState>(Json) ?? new EpisodeState();

    private static void PutIfSet(JsonObject data, string name, JsonNode? value)
    {
        if (value is not null)
        {
            data[name] = value;
        }
    }
}
