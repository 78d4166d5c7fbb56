using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TraceFix.Server.Store;

namespace TraceFix.Server.Tests.Runs;

/// <summary>Counts the store's database contexts (one per query or page) by wrapping the registered factory.</summary>
internal sealed class ContextCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public TraceFixDb Created(TraceFixDb db)
    {
        Interlocked.Increment(ref _count);
        return db;
    }
}

internal static class ContextCounting
{
    public static void Decorate(this IServiceCollection services, ContextCounter counter)
    {
        var inner = services.Last(d => d.ServiceType == typeof(IDbContextFactory<TraceFixDb>));
        services.RemoveAll<IDbContextFactory<TraceFixDb>>();
        services.AddSingleton<IDbContextFactory<TraceFixDb>>(sp =>
            new CountingFactory((IDbContextFactory<TraceFixDb>)inner.ImplementationFactory!(sp), counter));
    }

    private sealed class CountingFactory(IDbContextFactory<TraceFixDb> inner, ContextCounter counter) : IDbContextFactory<TraceFixDb>
    {
        public TraceFixDb CreateDbContext() => counter.Created(inner.CreateDbContext());
    }
}
