namespace TraceFix.Core.Episodes;

/// <summary>What a step does to the <c>localized_context</c> anchor.</summary>
internal readonly record struct AnchorChange(bool Changes, int? Line)
{
    public static AnchorChange Keep => default;

    public static AnchorChange Clear => new(true, null);

    public static AnchorChange To(int line) => new(true, line);
}
