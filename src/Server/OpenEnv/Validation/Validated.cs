using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.Validation;

/// <summary>A value read from the wire, or every field-level error found while reading it.</summary>
public sealed record Validated<T>(T? Value, IReadOnlyList<ValidationError> Errors) where T : class
{
    public bool IsValid => Errors.Count == 0 && Value is not null;

    public static Validated<T> Ok(T value) => new(value, []);

    public static Validated<T> Fail(IReadOnlyList<ValidationError> errors) => new(null, errors);

    public static Validated<T> Fail(ValidationError error) => new(null, [error]);
}
