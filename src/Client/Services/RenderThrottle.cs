namespace TraceFix.Client.Services;

/// <summary>
/// Coalesces bursts of live events into at most one render per interval, so a fast agent does not flood the UI thread.
/// The first event after a quiet spell renders at once; the rest of a burst renders once at the end of the interval.
/// The caller never waits for the delayed render, so a stream being read is not slowed down by it.
/// </summary>
public sealed class RenderThrottle(Func<Task> render, TimeProvider clock, TimeSpan interval)
{
    private DateTimeOffset _lastRender = DateTimeOffset.MinValue;
    private Task _trailing = Task.CompletedTask;

    /// <summary>The pending delayed render, if any (awaited by tests and on dispose).</summary>
    public Task Pending => _trailing;

    public Task RequestAsync()
    {
        if (!_trailing.IsCompleted)
        {
            return Task.CompletedTask;
        }
        var wait = _lastRender + interval - clock.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return RenderNowAsync();
        }
        _trailing = RenderLaterAsync(wait);
        return Task.CompletedTask;
    }

    private async Task RenderLaterAsync(TimeSpan wait)
    {
        await Task.Delay(wait, clock);
        await RenderNowAsync();
    }

    private Task RenderNowAsync()
    {
        _lastRender = clock.GetUtcNow();
        return render();
    }
}
