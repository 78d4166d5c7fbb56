using Microsoft.EntityFrameworkCore;

namespace TraceFix.Server.Store;

public sealed class SqliteTraceFixDb(DbContextOptions<SqliteTraceFixDb> options) : TraceFixDb(options);
