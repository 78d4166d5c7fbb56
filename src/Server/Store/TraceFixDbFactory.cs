using Microsoft.EntityFrameworkCore;

namespace TraceFix.Server.Store;

/// <summary>Hands out the configured provider's context as the common <see cref="TraceFixDb"/>.</summary>
public sealed class TraceFixDbFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<TraceFixDb>
    where TContext : TraceFixDb
{
    public TraceFixDb CreateDbContext() => inner.CreateDbContext();
}
