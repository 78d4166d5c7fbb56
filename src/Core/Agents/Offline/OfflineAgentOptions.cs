using System.ComponentModel.DataAnnotations;

namespace TraceFix.Core.Agents.Offline;

/// <summary>Search knobs of the offline repair agent, bound from the <see cref="SectionName"/> configuration section.</summary>
public sealed record OfflineAgentOptions
{
    public const string SectionName = "Agents:Offline";

    /// <summary>Failed tries on top of a kept edit before the search backs up to the version before it.</summary>
    [Range(1, 100)]
    public int Patience { get; init; } = 4;

    /// <summary>Widest REPLACE_LINES (in lines) that may revert a failed try and apply the next one at once; wider goes through UNDO_EDIT.</summary>
    [Range(1, 1000)]
    public int MaxFoldedSpan { get; init; } = 8;
}
