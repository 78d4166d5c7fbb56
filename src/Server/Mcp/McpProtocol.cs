using System.Reflection;
using System.Text.Json.Nodes;
using TraceFix.Server.OpenEnv.Schema;

namespace TraceFix.Server.Mcp;

/// <summary>Protocol constants of the MCP surface: supported revisions, headers and what <c>initialize</c> answers.</summary>
public static class McpProtocol
{
    public const string Path = "/mcp";
    public const string SessionHeader = "Mcp-Session-Id";
    public const string VersionHeader = "MCP-Protocol-Version";
    public const string DefaultModel = "openenv-mcp";

    /// <summary>Newest first; a client asking for another revision is offered the newest (MCP's negotiation rule).</summary>
    public static readonly IReadOnlyList<string> Versions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"];

    public static string Negotiate(string? requested) => requested is not null && Versions.Contains(requested) ? requested : Versions[0];

    public static JsonObject InitializeResult(string version) => new()
    {
        ["protocolVersion"] = version,
        ["capabilities"] = new JsonObject { ["tools"] = new JsonObject { ["listChanged"] = false } },
        ["serverInfo"] = new JsonObject { ["name"] = DescriptionEndpoints.EnvironmentName, ["title"] = "TraceFix", ["version"] = ServerVersion },
        ["instructions"] = "Debug a Python program until its hidden unit tests pass. Call reset (optionally with task_name or difficulty), "
            + "then view_code, run_tests and replace_lines; submit when all tests pass. Every call is one step of a 50-step episode.",
    };

    /// <summary>The run's model label: the client's name and version from <c>initialize</c>, capped in length.</summary>
    public static string ModelOf(JsonNode? clientInfo)
    {
        var info = clientInfo as JsonObject;
        var name = (info?["name"] as JsonValue)?.TryGetValue<string>(out var n) == true ? n.Trim() : "";
        var version = (info?["version"] as JsonValue)?.TryGetValue<string>(out var v) == true ? v.Trim() : "";
        var label = $"{name} {version}".Trim();
        label = new string([.. label.Where(c => !char.IsControl(c))]);
        return label.Length == 0 ? DefaultModel : label[..Math.Min(label.Length, 120)];
    }

    private static readonly string ServerVersion =
        typeof(McpProtocol).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";
}
