using System.ComponentModel.DataAnnotations;
using TraceFix.Core.Settings;

namespace TraceFix.Server.Security;

/// <summary>
/// <c>TraceFix:Security</c>. Without <see cref="OperatorKey"/> the server is open (the embedded default); with it, every
/// request that changes something or drives an environment must present the key.
/// </summary>
public sealed class SecurityOptions : ISettingsSection
{
    public const string Section = "TraceFix:Security";

    static string ISettingsSection.Section => Section;

    /// <summary>Operator key; env <c>TraceFix__Security__OperatorKey</c>. Never logged.</summary>
    public string? OperatorKey { get; set; }

    /// <summary>Run and play starts allowed per client address and window; 0 turns the limit off.</summary>
    [Range(0, 1_000_000)]
    public int RunStartsPerWindow { get; set; } = 60;

    [Range(1, 86_400)]
    public int RunStartWindowSeconds { get; set; } = 60;

    public bool RequiresKey => !string.IsNullOrEmpty(OperatorKey);
}
