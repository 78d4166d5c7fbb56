using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TraceFix.Contracts.Episodes;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.Mcp;

/// <summary>
/// An MCP CallToolResult: the observation as text for the model (<c>content</c>) and as data for programs
/// (<c>structuredContent</c>: reward, done, pass count, test results, the full observation).
/// </summary>
public static class McpToolResult
{
    public static JsonObject From(string tool, StepResult result)
    {
        var observation = result.Observation;
        var passed = observation.TestResults.Count(t => t.Passed);
        var structured = new JsonObject
        {
            ["tool"] = tool,
            ["reward"] = result.Reward,
            ["done"] = result.Done,
            ["tests_passed"] = passed,
            ["tests_total"] = observation.TestResults.Count,
            ["test_results"] = JsonSerializer.SerializeToNode(observation.TestResults, WireJson.Plain),
            ["step_count"] = observation.StepCount,
            ["steps_remaining"] = observation.StepsRemaining,
            ["final_score"] = observation.Metadata.TryGetValue("final_score", out var score) ? JsonSerializer.SerializeToNode(score, WireJson.Plain) : null,
            ["observation"] = JsonSerializer.SerializeToNode(observation, WireJson.Options),
        };
        return new JsonObject
        {
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = Text(tool, result, passed) }),
            ["structuredContent"] = structured,
            ["isError"] = false,
        };
    }

    /// <summary>A tool that could not run (no episode yet, episode over, unknown task): the model reads why and can recover.</summary>
    public static JsonObject Failure(string message) => new()
    {
        ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = message }),
        ["isError"] = true,
    };

    private static string Text(string tool, StepResult result, int passed)
    {
        var observation = result.Observation;
        var text = new StringBuilder();
        if (tool == McpTools.Reset && observation.Metadata.TryGetValue("system_prompt", out var brief) && brief is not null)
        {
            text.Append(brief);
        }
        else
        {
            text.Append(observation.LastExecutionOutput);
        }
        if (observation.LocalizedContext.Length > 0)
        {
            text.Append("\n\n").Append(observation.LocalizedContext);
        }
        var reward = result.Reward is { } r ? r.ToString("0.####", CultureInfo.InvariantCulture) : "none";
        text.Append(CultureInfo.InvariantCulture,
            $"\n\n[reward {reward} | done {(result.Done ? "yes" : "no")} | step {observation.StepCount}, {observation.StepsRemaining} left");
        if (observation.TestResults.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" | tests passed {passed}/{observation.TestResults.Count}");
        }
        text.Append(']');
        return text.ToString();
    }
}
