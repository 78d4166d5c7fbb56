namespace TraceFix.Server.OpenEnv.Validation;

/// <summary>One field of a strictly validated wire object.</summary>
public sealed record WireField(string Name, FieldKind Kind, bool Required, string Description);
