using System.ComponentModel.DataAnnotations;
using TraceFix.Core.Settings;

namespace TraceFix.Core.Episodes;

/// <summary>Tunables of the episode engine, bound from the <c>TraceFix:Environment</c> configuration section.</summary>
public sealed class EnvironmentOptions : ISettingsSection
{
    public const string Section = "TraceFix:Environment";

    static string ISettingsSection.Section => Section;

    /// <summary>Steps per episode; reaching it without SUBMIT ends and scores the episode.</summary>
    [Range(1, 10_000)]
    public int MaxSteps { get; set; } = 50;

    /// <summary>Restores the original final score, which subtracts 0.01 per step taken.</summary>
    public bool CompatibilityScoring { get; set; }

    /// <summary>Lines shown on each side of the anchor in <c>localized_context</c>.</summary>
    [Range(0, 200)]
    public int ContextRadius { get; set; } = 10;

    /// <summary>Size cap of <c>localized_context</c> before the truncation marker.</summary>
    [Range(200, 100_000)]
    public int ContextMaxChars { get; set; } = 2000;
}
