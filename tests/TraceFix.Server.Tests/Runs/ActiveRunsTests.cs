using TraceFix.Server.Runs;

namespace TraceFix.Server.Tests.Runs;

public sealed class ActiveRunsTests
{
    [Fact]
    public async Task WaitFor_CompletesWhenTheEngineRegistersTheRun()
    {
        var active = new ActiveRuns();
        var id = Guid.NewGuid();

        var wait = active.WaitForAsync(id, CancellationToken.None);
        Assert.False(wait.IsCompleted);
        var run = active.Add(id, CancellationToken.None);

        Assert.Same(run, await wait);
    }

    [Fact]
    public async Task WaitFor_ARunAlreadyRegistered_CompletesAtOnce()
    {
        var active = new ActiveRuns();
        var id = Guid.NewGuid();
        var run = active.Add(id, CancellationToken.None);

        Assert.Same(run, await active.WaitForAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task WaitFor_HonoursTheCallersCancellation()
    {
        var active = new ActiveRuns();
        using var cancel = new CancellationTokenSource();

        var wait = active.WaitForAsync(Guid.NewGuid(), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
