namespace TraceFix.Server.OpenEnv.Validation;

/// <summary>The JSON types a wire field accepts; validation and the published JSON schemas both read these.</summary>
public enum FieldKind
{
    String,
    NullableString,
    NullableInteger,
    Object,
    NullableObject,
    ActionType,
}
