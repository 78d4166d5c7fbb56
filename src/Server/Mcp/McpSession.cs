using System.Diagnostics;
using System.Text.Json.Nodes;
using TraceFix.Contracts.Episodes;
using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.Mcp;

/// <summary>
/// An environment session as MCP sees it: the hosted session (its episode, capacity slot and idle clock) plus the
/// recording of what the client does in it. Tool calls go through the session's gate, so they never interleave.
/// </summary>
public sealed class McpSession(HostedSession hosted, McpRunRecording recording, ILogger logger)
{
    public HostedSession Hosted { get; } = hosted;

    public string Id => Hosted.Id;

    public McpRunRecording Recording { get; } = recording;

    /// <summary>Set by <c>initialize</c>; null for sessions opened with <c>openenv/session/create</c>.</summary>
    public string? ProtocolVersion { get; set; }

    /// <summary>Runs one tool call; the environment's refusals (no episode yet, episode over, unknown task) become error results.</summary>
    public Task<(JsonObject Result, StepResult? Step)> CallAsync(McpInvocation call, CancellationToken cancellationToken) =>
        Hosted.RunAsync(async (environment, ct) =>
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                var result = call.Reset is { } reset
                    ? await environment.ResetAsync(reset, ct)
                    : await environment.StepAsync(call.Action!, ct);
                await RecordAsync(call, result, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return (McpToolResult.From(call.ToolName, result), (StepResult?)result);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not SessionClosedException)
            {
                var failure = EnvironmentFailure.From(ex);
                if (failure.IsUnexpected)
                {
                    logger.LogWarning(ex, "MCP tool {Tool} failed in session {SessionId}", call.ToolName, Id);
                }
                return (McpToolResult.Failure(failure.Message), null);
            }
        }, cancellationToken);

    private async Task RecordAsync(McpInvocation call, StepResult result, double environmentMs)
    {
        try
        {
            if (call.Reset is { } reset)
            {
                await Recording.ResetAsync(reset, result);
            }
            else
            {
                await Recording.StepAsync(call.Action!, result, environmentMs);
            }
        }
        catch (Exception ex)
        {
            // The step happened; a store hiccup must not turn it into a failed tool call.
            logger.LogWarning(ex, "Recording MCP tool {Tool} of session {SessionId} failed", call.ToolName, Id);
        }
    }
}
