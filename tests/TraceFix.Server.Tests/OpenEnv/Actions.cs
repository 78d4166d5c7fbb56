namespace TraceFix.Server.Tests.OpenEnv;

/// <summary>Action payloads as an OpenEnv client sends them (unset optional fields absent, metadata always present).</summary>
public static class Actions
{
    public static Dictionary<string, object?> Of(string type, string thought = "t") =>
        new() { ["thought"] = thought, ["action_type"] = type, ["metadata"] = new Dictionary<string, object>() };

    public static Dictionary<string, object?> Replace(int start, int end, string block, string thought = "edit") =>
        new()
        {
            ["thought"] = thought,
            ["action_type"] = "REPLACE_LINES",
            ["start_line"] = start,
            ["end_line"] = end,
            ["new_code_block"] = block,
            ["metadata"] = new Dictionary<string, object>(),
        };
}
