using TraceFix.Contracts.Episodes;

namespace TraceFix.Server.Mcp;

/// <summary>A checked tool call: a reset with its options, or one environment action.</summary>
public sealed record McpInvocation(string ToolName, ResetOptions? Reset, CodeAction? Action);
