namespace TraceFix.Client.Diff;

/// <summary>One row of a line diff; a removed line has no new number, an added line no old number.</summary>
public sealed record DiffLine(DiffKind Kind, int? OldNumber, int? NewNumber, string Text);
