using Bunit;
using TraceFix.Client.Pages;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Client.Tests.Pages;

public sealed class PlayPageTests : DashboardContext
{
    [Fact]
    public void ReplaceLines_IsValidatedBeforeItIsSent()
    {
        var cut = Render<Play>();
        cut.Find("#play-start").Click();

        cut.Find("#act-replace_lines").Click();
        Assert.Contains("Give the first line to replace.", cut.FindAll(".validation-message").Select(m => m.TextContent));

        cut.Find("#replace-start").Change("4");
        cut.Find("#replace-end").Change("2");
        cut.Find("#act-replace_lines").Click();
        Assert.Contains("The last line must not come before the first.", cut.FindAll(".validation-message").Select(m => m.TextContent));
        Assert.Empty(Api.PlayedActions);
    }

    [Fact]
    public void Actions_AreSentAndTheirStepsListed()
    {
        var cut = Render<Play>();
        cut.Find("#play-start").Click();

        cut.Find("#replace-start").Change("4");
        cut.Find("#replace-end").Change("4");
        cut.Find("#replace-code").Change("if x % 2 == 0:");
        cut.Find("#act-replace_lines").Click();
        cut.Find("#act-submit").Click();

        Assert.Equal([ActionType.REPLACE_LINES, ActionType.SUBMIT], Api.PlayedActions.Select(a => a.ActionType));
        Assert.Equal((4, 4, "if x % 2 == 0:"), (Api.PlayedActions[0].StartLine!.Value, Api.PlayedActions[0].EndLine!.Value, Api.PlayedActions[0].NewCodeBlock));
        Assert.Equal(2, cut.FindAll(".play-timeline .step-row").Count);
        Assert.NotNull(cut.Find("#play-result"));
        Assert.True(cut.Find("#act-submit").HasAttribute("disabled"));
    }
}
