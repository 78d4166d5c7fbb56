using System.ComponentModel.DataAnnotations;
using TraceFix.Core.Settings;

namespace TraceFix.Core.Agents.Offline;

/// <summary>Knobs of the offline repair agent, bound by the server from the <see cref="Section"/> configuration section.</summary>
public sealed record OfflineAgentOptions : ISettingsSection
{
    public const string Section = "TraceFix:Agents:Offline";

    static string ISettingsSection.Section => Section;

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
