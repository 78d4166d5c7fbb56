using TraceFix.Core.Tasks;

namespace TraceFix.Server.Hosting;

public static class CoreServiceExtensions
{
    /// <summary>Registers the task catalog, the sandboxed test runner and the environment factory.</summary>
    public static WebApplicationBuilder AddTraceFixCore(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => TaskCatalog.Load([TaskCatalog.FindBuiltInDirectory() ?? "tasks"]));
        return builder;
    }
}
