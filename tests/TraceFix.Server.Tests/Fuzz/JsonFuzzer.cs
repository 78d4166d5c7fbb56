using System.Text;
using System.Text.Json.Nodes;

namespace TraceFix.Server.Tests.Fuzz;

/// <summary>
/// A deterministic (seeded) mutator of valid JSON documents: structural changes on the parsed tree (wrong types, missing
/// and unknown keys, extreme numbers, deep nesting, long and odd strings) and byte-level damage (truncation, flipped and
/// invalid UTF-8 bytes, garbage, duplicate keys). About one case in twelve is the valid document unchanged.
/// </summary>
public sealed class JsonFuzzer(int seed)
{
    public Random Random { get; } = new(seed);

    public byte[] Mutate(string valid)
    {
        var bytes = Encoding.UTF8.GetBytes(valid);
        return Random.Next(12) switch
        {
            0 => bytes,
            1 => bytes[..Random.Next(bytes.Length)],
            2 => Garbage(),
            3 => FlipBytes(bytes),
            4 => Encoding.UTF8.GetBytes(Deep(Random.Next(2) == 0 ? 64 : 5000)),
            5 => Encoding.UTF8.GetBytes(DuplicateFirstKey(valid)),
            6 => [.. bytes[..(bytes.Length / 2)], 0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80, .. bytes[(bytes.Length / 2)..]],
            _ => Encoding.UTF8.GetBytes(MutateTree(JsonNode.Parse(valid)!, 1 + Random.Next(3)).ToJsonString()),
        };
    }

    public JsonNode MutateTree(JsonNode root, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var objects = Objects(root).ToList();
            var target = objects[Random.Next(objects.Count)];
            var keys = target.Select(p => p.Key).ToList();
            switch (Random.Next(4))
            {
                case 0 when keys.Count > 0:
                    target.Remove(keys[Random.Next(keys.Count)]);
                    break;
                case 1:
                    target[RandomKey()] = RandomValue(2);
                    break;
                default:
                    if (keys.Count > 0)
                    {
                        target[keys[Random.Next(keys.Count)]] = RandomValue(2);
                    }
                    break;
            }
        }
        return Random.Next(20) == 0 ? new JsonArray(root) : root;
    }

    public JsonNode? RandomValue(int depth) => Random.Next(depth > 0 ? 16 : 13) switch
    {
        0 => null,
        1 => JsonValue.Create(Random.Next(2) == 0),
        2 => JsonValue.Create(Random.Next(int.MinValue, int.MaxValue)),
        3 => JsonValue.Create(long.MaxValue),
        4 => JsonNode.Parse("1e400"),
        5 => JsonValue.Create(-0.5),
        6 => JsonValue.Create(""),
        7 => JsonValue.Create(new string('x', Random.Next(2) == 0 ? 300 : 70_000)),
        8 => JsonValue.Create("\ud800\u0000\u202e<script>'\";--\\"),
        9 => JsonValue.Create(Guid.NewGuid().ToString()),
        10 => JsonValue.Create(Pick("VIEW_CODE", "RUN_TESTS", "REPLACE_LINES", "SUBMIT", "UNDO_EDIT", "RESET_TO_ORIGINAL", "view_code", "run", "step", "reset", "state", "close", "offline", "llm", "replay", "manual", "easy", "hard", "all", "task1_easy", "binary_search_off_by_one")),
        11 => JsonValue.Create(Random.Next(-3, 60)),
        12 => JsonValue.Create(double.Epsilon),
        13 => new JsonArray(RandomValue(depth - 1), RandomValue(depth - 1)),
        14 => new JsonObject { [RandomKey()] = RandomValue(depth - 1) },
        _ => JsonNode.Parse(Deep(40)),
    };

    public string Pick(params string[] values) => values[Random.Next(values.Length)];

    public string RandomKey() => Pick("thought", "action_type", "start_line", "end_line", "new_code_block", "metadata", "task_name",
        "difficulty", "seed", "episode_id", "session_id", "timeout_s", "request_id", "action", "type", "data", "agent", "model",
        "tasks", "maxSteps", "replaySourceRunId", "apiKey", "kind", "run", "episode", "step", "sequence", "version", "__proto__", "");

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.Select(p => p.Value).ToList().SelectMany(Objects))
                {
                    yield return child;
                }
                break;
            case JsonArray a:
                foreach (var child in a.ToList().SelectMany(Objects))
                {
                    yield return child;
                }
                break;
        }
    }

    private byte[] Garbage()
    {
        var garbage = new byte[Random.Next(0, 200)];
        Random.NextBytes(garbage);
        return garbage;
    }

    private byte[] FlipBytes(byte[] bytes)
    {
        var copy = bytes.ToArray();
        for (var i = 0; i < 1 + Random.Next(4) && copy.Length > 0; i++)
        {
            copy[Random.Next(copy.Length)] = (byte)Random.Next(256);
        }
        return copy;
    }

    private string Deep(int depth) => new string('[', depth) + new string(']', depth);

    private static string DuplicateFirstKey(string valid)
    {
        var colon = valid.IndexOf(':');
        return colon < 0 || valid[0] != '{' ? valid : "{" + valid[1..colon] + ":null," + valid[1..];
    }
}
