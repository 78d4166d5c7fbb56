using Microsoft.Data.Sqlite;

namespace TraceFix.Server.Store;

/// <summary>Anchors a SQLite file at the content root rather than the process's working directory, and creates its folder.</summary>
public static class SqlitePaths
{
    public static string Resolve(string? connectionString, string dataDirectory, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={Path.Combine(dataDirectory, "tracefix.db")}" : connectionString);
        var source = builder.DataSource;
        if (source is "" or ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || builder.Mode == SqliteOpenMode.Memory)
        {
            return builder.ConnectionString;
        }
        var full = Path.GetFullPath(source, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        builder.DataSource = full;
        builder.Pooling = true;
        return builder.ConnectionString;
    }

    /// <summary>The folder that holds the database file (the logs go next to it), or null for a non-file database.</summary>
    public static string? DataFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return Path.IsPathRooted(source) ? Path.GetDirectoryName(source) : null;
    }
}
