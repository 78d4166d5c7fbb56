using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TraceFix.Server.Store;

/// <summary>Used by <c>dotnet ef migrations add --context SqliteTraceFixDb</c>; no database is opened.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTraceFixDb>
{
    public SqliteTraceFixDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTraceFixDb>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Used by <c>dotnet ef migrations add --context PostgresTraceFixDb</c>; no database is opened.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTraceFixDb>
{
    public PostgresTraceFixDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTraceFixDb>().UseNpgsql("Host=localhost;Database=tracefix").Options);
}
