using Microsoft.EntityFrameworkCore;

namespace TraceFix.Server.Store;

public sealed class PostgresTraceFixDb(DbContextOptions<PostgresTraceFixDb> options) : TraceFixDb(options);
