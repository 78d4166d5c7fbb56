using System.ComponentModel.DataAnnotations;

namespace TraceFix.Core.Agents.Offline;

/// <summary>Knobs of the offline repair agent, bound from the <see cref="SectionName"/> configuration section.</summary>
public sealed record OfflineAgentOptions
{
    public const string SectionName = "Agents:Offline";

    /// <summary>
    /// Wall-clock limit of the agent's own computation per step: one sandboxed run of the repair engine, start-up
    /// included. The engine stops searching early enough to answer within it; past it the sandbox is killed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.2", "00:01:00")]
    public TimeSpan StepComputeLimit { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Candidate programs the engine checks against the examples per step. A count rather than a time keeps the agent
    /// deterministic: the same observations give the same actions on any machine fast enough to finish them within
    /// <see cref="StepComputeLimit"/> (a slower one is cut off by the limit).
    /// </summary>
    [Range(1, 100_000)]
    public int ChecksPerStep { get; init; } = 500;
}
