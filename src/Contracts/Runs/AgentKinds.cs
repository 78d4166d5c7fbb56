namespace TraceFix.Contracts.Runs;

/// <summary>The agent kinds a run can use. Kept as strings on the wire so an unknown kind gets a field-level validation message.</summary>
public static class AgentKinds
{
    public const string Offline = "offline";
    public const string Llm = "llm";
    public const string Replay = "replay";
    public const string Manual = "manual";
    public const string Mcp = "mcp";

    /// <summary>Kinds accepted by <c>POST /api/runs</c>; manual runs are started through <c>POST /api/play</c>.</summary>
    public static readonly IReadOnlyList<string> Startable = [Offline, Llm, Replay];

    public static readonly IReadOnlyList<string> All = [Offline, Llm, Replay, Manual, Mcp];
}
