using System.Text.Json.Nodes;
using TraceFix.Contracts.Episodes;
using TraceFix.Server.OpenEnv.Validation;

namespace TraceFix.Server.Mcp;

/// <summary>
/// The tools an MCP client sees: the six environment actions plus <c>reset</c>. Every tool takes an optional
/// <c>thought</c> (shown in the dashboard next to the step); <c>replace_lines</c> takes the line range and new block.
/// </summary>
public static class McpTools
{
    public const string Reset = "reset";

    public static readonly IReadOnlyDictionary<string, ActionType> Actions = new Dictionary<string, ActionType>(StringComparer.Ordinal)
    {
        ["view_code"] = ActionType.VIEW_CODE,
        ["run_tests"] = ActionType.RUN_TESTS,
        ["replace_lines"] = ActionType.REPLACE_LINES,
        ["undo_edit"] = ActionType.UNDO_EDIT,
        ["reset_to_original"] = ActionType.RESET_TO_ORIGINAL,
        ["submit"] = ActionType.SUBMIT,
    };

    public static bool Exists(string name) => name == Reset || Actions.ContainsKey(name);

    /// <summary>The argument names a tool accepts (any other argument is rejected with -32602).</summary>
    public static IReadOnlyList<string> ArgumentsOf(string name) => name switch
    {
        Reset => ["task_name", "difficulty", "seed", "thought"],
        "replace_lines" => ["start_line", "end_line", "new_code_block", "thought"],
        _ => ["thought"],
    };

    public static JsonArray List() => new(
        Tool(Reset, "Start a new episode: a buggy Python program with hidden unit tests. Call this first. "
            + "Pick a task by name, or a difficulty tier; the seed makes the pick reproducible.",
            Properties(
                ("task_name", Nullable("string", "Task name or id, e.g. binary_search_off_by_one or task2_medium; wins over difficulty.")),
                ("difficulty", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. ResetValidator.Difficulties.Select(d => (JsonNode)d)]), ["description"] = "easy, medium or hard." }),
                ("seed", new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["description"] = "Makes the task pick reproducible." }),
                ThoughtProperty()), []),
        Tool("view_code", "Show the whole current source with line numbers. Costs a step (small penalty).", Properties(ThoughtProperty()), []),
        Tool("run_tests", "Run the hidden unit tests on the current code; reports 'Tests Passed: P/T' and the failures.", Properties(ThoughtProperty()), []),
        Tool("replace_lines", "Replace lines start_line..end_line (1-based, inclusive) with new_code_block (lines separated by \\n). "
            + "The block is re-indented to the first replaced line; an empty block deletes lines (at most 6 at once).",
            Properties(
                ("start_line", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["description"] = "First line to replace (1-based)." }),
                ("end_line", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["description"] = "Last line to replace (inclusive)." }),
                ("new_code_block", new JsonObject { ["type"] = "string", ["description"] = "Replacement text; \\n separates lines." }),
                ThoughtProperty()), ["start_line", "end_line", "new_code_block"]),
        Tool("undo_edit", "Restore the code as it was before the last edit (penalty).", Properties(ThoughtProperty()), []),
        Tool("reset_to_original", "Restore the original buggy code and clear the edit history (penalty).", Properties(ThoughtProperty()), []),
        Tool("submit", "Run the tests one last time and end the episode; the final score is the passing fraction.", Properties(ThoughtProperty()), []));

    private static JsonObject Tool(string name, string description, JsonObject properties, string[] required) => new()
    {
        ["name"] = name,
        ["description"] = description,
        ["inputSchema"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]),
            ["additionalProperties"] = false,
        },
    };

    private static JsonObject Properties(params (string Name, JsonObject Schema)[] properties)
    {
        var result = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            result[name] = schema;
        }
        return result;
    }

    private static (string, JsonObject) ThoughtProperty() =>
        ("thought", new JsonObject { ["type"] = "string", ["description"] = "Your reasoning for this call; shown with the step in the dashboard." });

    private static JsonObject Nullable(string type, string description) =>
        new() { ["type"] = new JsonArray(type, "null"), ["description"] = description };
}
