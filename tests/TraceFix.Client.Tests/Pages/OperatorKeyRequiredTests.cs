using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Client.Pages;
using TraceFix.Client.Services;
using TraceFix.Client.Tests.Support;

namespace TraceFix.Client.Tests.Pages;

/// <summary>The real API client behind a page, with a handler answering every write with the server's 401.</summary>
public sealed class OperatorKeyRequiredTests : BunitContext
{
    private readonly CapturingHandler _handler = new(r => r.Method == HttpMethod.Get
        ? CapturingHandler.Json(HttpStatusCode.OK, "[]")
        : CapturingHandler.Unauthorized());

    public OperatorKeyRequiredTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.HoldingKey(null);
        Services.AddSingleton<OperatorKeyStore>();
        Services.AddSingleton<IRunsApi>(sp =>
            new RunsApiClient(new HttpClient(_handler) { BaseAddress = new Uri("http://dashboard.test/") }, sp.GetRequiredService<OperatorKeyStore>()));
        Renderer.SetRendererInfo(new RendererInfo("WebAssembly", true));
    }

    [Fact]
    public void PlayPage_On401_TellsTheUserToEnterTheOperatorKey()
    {
        var cut = Render<Play>();
        cut.Find("#play-start").Click();

        var alert = cut.WaitForElement(".error-box").TextContent;
        Assert.Contains("An operator key is required", alert, StringComparison.Ordinal);
        Assert.Contains("Operator key button", alert, StringComparison.Ordinal);
        var post = _handler.Sent.Single(r => r.Method == HttpMethod.Post);
        Assert.Equal(("/api/play", null), (post.PathAndQuery, post.Key));
    }
}
