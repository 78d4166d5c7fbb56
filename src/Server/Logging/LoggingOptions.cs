using TraceFix.Core.Settings;

namespace TraceFix.Server.Logging;

/// <summary><c>TraceFix:Logging</c>: where the JSON log file goes. Levels come from the <c>Serilog</c> section.</summary>
public sealed class LoggingOptions : ISettingsSection
{
    public const string Section = "TraceFix:Logging";

    static string ISettingsSection.Section => Section;

    /// <summary>Folder of the daily rolling JSON file; default: <c>logs/</c> next to the data folder.</summary>
    public string? Directory { get; set; }

    /// <summary>False writes to the console only.</summary>
    public bool File { get; set; } = true;
}
