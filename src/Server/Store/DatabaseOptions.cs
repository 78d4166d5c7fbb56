using System.ComponentModel.DataAnnotations;
using TraceFix.Core.Settings;

namespace TraceFix.Server.Store;

/// <summary><c>TraceFix:Database</c>. The connection string is <c>ConnectionStrings:TraceFix</c>.</summary>
public sealed class DatabaseOptions : ISettingsSection
{
    public const string Section = "TraceFix:Database";
    public const string ConnectionStringName = "TraceFix";

    static string ISettingsSection.Section => Section;

    /// <summary>sqlite (default) or postgres (also spelled postgresql or npgsql), in any case.</summary>
    [Required]
    [RegularExpression("(?i)^\\s*(sqlite|postgres|postgresql|npgsql)\\s*$", ErrorMessage = "must be 'sqlite' or 'postgres'")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>Directory of the SQLite file when no connection string is set; relative paths are under the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public bool IsPostgres => Provider.Trim().ToLowerInvariant() is "postgres" or "postgresql" or "npgsql";
}
