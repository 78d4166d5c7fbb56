namespace TraceFix.Server.Store;

/// <summary><c>TraceFix:Database</c>. The connection string is <c>ConnectionStrings:TraceFix</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "TraceFix:Database";
    public const string ConnectionStringName = "TraceFix";

    /// <summary>sqlite (default) or postgres.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Directory of the SQLite file when no connection string is set; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";
}
