using Bunit;
using TraceFix.Client.Components;
using TraceFix.Client.Tests.Support;

namespace TraceFix.Client.Tests.Components;

public sealed class PlayerControlsTests : DashboardContext
{
    [Fact]
    public void Buttons_SeekAndToggle()
    {
        var seeks = new List<int>();
        var toggles = 0;
        var cut = Render<PlayerControls>(p => p
            .Add(x => x.Position, 3).Add(x => x.Count, 10)
            .Add(x => x.OnSeek, (int s) => seeks.Add(s))
            .Add(x => x.OnTogglePlay, () => toggles++));

        cut.Find("button[title^='Previous']").Click();
        cut.Find("button[title^='Next']").Click();
        cut.Find("button[title^='Last']").Click();
        cut.Find("button.play").Click();

        Assert.Equal([2, 4, 10], seeks);
        Assert.Equal(1, toggles);
        Assert.Equal("step 3 / 10", cut.Find(".position").TextContent);
    }

    [Fact]
    public void Scrubber_AndSpeedRaiseTheirEvents()
    {
        var seeks = new List<int>();
        double speed = 0;
        var cut = Render<PlayerControls>(p => p
            .Add(x => x.Position, 1).Add(x => x.Count, 50)
            .Add(x => x.OnSeek, (int s) => seeks.Add(s))
            .Add(x => x.OnSpeed, (double s) => speed = s));

        cut.Find("input.scrubber").Input("37");
        cut.Find("select").Change("4");

        Assert.Equal([37], seeks);
        Assert.Equal(4, speed);
    }

    [Fact]
    public void Edges_DisableTheButtonsThatCannotMove()
    {
        var cut = Render<PlayerControls>(p => p.Add(x => x.Position, 1).Add(x => x.Count, 1).Add(x => x.Playing, true));

        Assert.True(cut.Find("button[title^='Previous']").HasAttribute("disabled"));
        Assert.True(cut.Find("button[title^='Next']").HasAttribute("disabled"));
        Assert.Contains("Pause", cut.Find("button.play").TextContent);
    }
}
