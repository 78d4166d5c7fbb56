using System.Text.Json.Nodes;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.Tools;

/// <summary>
/// A tool step's answer: <c>{"observation":{...},"reward":r,"done":d}</c> (a ListToolsObservation or CallToolObservation),
/// or the validation errors of a malformed tool action.
/// </summary>
public sealed record ToolStepOutcome(JsonObject? Response, IReadOnlyList<ValidationError> Errors)
{
    public static ToolStepOutcome Ok(JsonObject response) => new(response, []);

    public static ToolStepOutcome Invalid(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
