using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Client.Components;
using TraceFix.Client.Pages;
using TraceFix.Client.Services;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Tests.Pages;

public sealed class SharedRunPageTests : DashboardContext
{
    [Fact]
    public void ValidLink_ShowsTheRunReadOnly_WithReplayAndLinksThatStayShared()
    {
        var id = Guid.NewGuid();
        Api.Runs[id] = Dtos.Detail(id, RunStatus.Completed, EpisodeStatus.Completed,
            Dtos.Step(1, 1, ActionType.VIEW_CODE, -0.01), Dtos.Step(2, 2, ActionType.RUN_TESTS, 0.2));
        Api.SharedRuns["tok"] = new SharedRun(id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(1));
        Services.GetRequiredService<NavigationManager>().NavigateTo("shared/tok?episode=1&step=1");

        var cut = Render<SharedRunPage>(p => p.Add(x => x.Token, "tok"));

        Assert.Equal("step 1 / 2", cut.Find(".position").TextContent);
        Assert.Empty(cut.FindAll("#delete-run"));
        Assert.Empty(cut.FindAll("#share-run"));
        Assert.Empty(cut.FindAll(".run-head .btn.danger"));
        Assert.EndsWith("shared/tok?episode=1&step=1", cut.Find("#step-link").GetAttribute("href"));
        cut.Find(".player .play").Click();
        Clock.Advance(ReplayPlayer.BaseInterval);
        cut.WaitForAssertion(() => Assert.Equal("step 2 / 2", cut.Find(".position").TextContent));
    }

    [Fact]
    public void RevokedLink_ShowsTheServersMessage_AndNoRun()
    {
        var cut = Render<SharedRunPage>(p => p.Add(x => x.Token, "revoked-token"));

        Assert.Contains("revoked", cut.Find(".share-problem").TextContent);
        Assert.Empty(cut.FindAll(".run-head"));
    }

    [Fact]
    public void ShareButton_ShowsTheLink_AndRevokeRemovesIt()
    {
        var id = Guid.NewGuid();
        var cut = Render<ShareButton>(p => p.Add(x => x.RunId, id).Add(x => x.BaseUri, "http://dash.test/"));

        cut.Find("#share-run").Click();
        Assert.Equal("http://dash.test/shared/token-for-" + id, cut.Find("#share-url").GetAttribute("value"));
        cut.Find("#share-revoke").Click();

        Assert.Equal([id], Api.Revoked);
        Assert.Contains("revoked", cut.Find(".share-status").TextContent);
    }
}
