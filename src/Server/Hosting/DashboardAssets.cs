using Microsoft.Extensions.FileProviders;

namespace TraceFix.Server.Hosting;

/// <summary>
/// Serves the WebAssembly dashboard in every environment, not only in Development: from the build output through the
/// static web assets manifest, and from a publish folder's <c>wwwroot</c> even when the process starts elsewhere.
/// </summary>
public static class DashboardAssets
{
    public static WebApplicationBuilder AddDashboardAssets(this WebApplicationBuilder builder)
    {
        var environment = builder.Environment;
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(Path.Combine(environment.ContentRootPath, "wwwroot")) && Directory.Exists(beside))
        {
            environment.WebRootPath = beside;
            environment.WebRootFileProvider = new PhysicalFileProvider(beside);
        }
        // Development reads the manifest of the build output by itself; other environments only when asked. A publish
        // folder has no manifest (its files are in wwwroot), and then this does nothing.
        if (!environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }
        return builder;
    }
}
