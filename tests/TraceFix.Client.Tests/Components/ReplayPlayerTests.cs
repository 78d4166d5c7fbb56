using Microsoft.Extensions.Time.Testing;
using TraceFix.Client.Services;

namespace TraceFix.Client.Tests.Components;

public sealed class ReplayPlayerTests
{
    [Fact]
    public async Task Play_AdvancesOneStepPerIntervalAndStopsAtTheEnd()
    {
        var clock = new FakeTimeProvider();
        await using var player = new ReplayPlayer(clock);
        var changes = 0;
        player.Changed += () => { changes++; return Task.CompletedTask; };
        player.SetCount(3);

        await player.TogglePlayAsync();
        clock.Advance(ReplayPlayer.BaseInterval);
        Assert.Equal(2, player.Position);
        clock.Advance(ReplayPlayer.BaseInterval);
        Assert.Equal(3, player.Position);
        clock.Advance(ReplayPlayer.BaseInterval);

        Assert.False(player.Playing);
        Assert.Equal(3, player.Position);
        Assert.True(changes >= 3);
    }

    [Fact]
    public async Task SlowRender_SkipsTicksMeanwhile_AndDisposeWaitsForIt()
    {
        var clock = new FakeTimeProvider();
        var player = new ReplayPlayer(clock);
        player.SetCount(10);
        await player.TogglePlayAsync();
        var render = new TaskCompletionSource();
        player.Changed += () => render.Task;

        clock.Advance(ReplayPlayer.BaseInterval);
        clock.Advance(ReplayPlayer.BaseInterval);
        Assert.Equal(2, player.Position);
        Assert.False(player.Pending.IsCompleted);

        var disposed = player.DisposeAsync().AsTask();
        Assert.False(disposed.IsCompleted);
        render.SetResult();
        await disposed;
        Assert.False(player.Playing);
    }

    [Fact]
    public async Task Speed_ShortensTheInterval()
    {
        var clock = new FakeTimeProvider();
        await using var player = new ReplayPlayer(clock);
        player.SetCount(10);
        await player.SetSpeedAsync(4);

        await player.TogglePlayAsync();
        clock.Advance(ReplayPlayer.BaseInterval);

        Assert.Equal(5, player.Position);
    }

    [Fact]
    public async Task Seek_ClampsAndLiveCountFollowsTheEdge()
    {
        var clock = new FakeTimeProvider();
        await using var player = new ReplayPlayer(clock);
        player.SetCount(5, follow: true);
        Assert.Equal(5, player.Position);

        player.SetCount(8, follow: true);
        Assert.Equal(8, player.Position);

        await player.SeekAsync(99);
        Assert.Equal(8, player.Position);
        await player.SeekAsync(2);
        player.SetCount(9, follow: true);
        Assert.Equal(2, player.Position);
    }
}
