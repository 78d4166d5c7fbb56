using System.Text.Json.Serialization;

namespace TraceFix.Contracts.Episodes;

/// <summary>The six things an agent can do in an episode. Serialized by name, exactly as OpenEnv clients send them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionType>))]
public enum ActionType
{
    VIEW_CODE,
    RUN_TESTS,
    REPLACE_LINES,
    UNDO_EDIT,
    RESET_TO_ORIGINAL,
    SUBMIT,
}
