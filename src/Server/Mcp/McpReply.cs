using System.Text.Json.Nodes;

namespace TraceFix.Server.Mcp;

/// <summary>The dispatcher's answer: the JSON-RPC response (null for a notification) and the session <c>initialize</c> opened, if any.</summary>
public sealed record McpReply(JsonObject? Body, McpSession? Initialized = null);
