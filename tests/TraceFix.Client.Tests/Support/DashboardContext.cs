using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TraceFix.Client.Services;

namespace TraceFix.Client.Tests.Support;

/// <summary>A bUnit context with the dashboard's services replaced by in-memory fakes.</summary>
public abstract class DashboardContext : BunitContext
{
    protected DashboardContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<IRunsApi>(Api);
        Services.AddSingleton<IRunFeed>(Feed);
        Services.AddSingleton<UiPreferences>();
        Services.AddSingleton<OperatorKeyStore>();
        Renderer.SetRendererInfo(new RendererInfo("WebAssembly", true));
    }

    internal FakeTimeProvider Clock { get; } = new();

    internal FakeRunsApi Api { get; } = new();

    internal FakeRunFeed Feed { get; } = new();
}
