namespace TraceFix.Client.Services;

/// <summary>
/// Coalesces bursts of live events into at most one render per interval, so a fast agent does not flood the UI thread.
/// The first event after a quiet spell renders at once; the rest of a burst renders once at the end of the interval.
/// </summary>
public sealed class RenderThrottle(Func<Task> render, TimeProvider clock, TimeSpan interval)
{
    private DateTimeOffset _lastRender = DateTimeOffset.MinValue;
    private bool _pending;

    public async Task RequestAsync()
    {
        if (_pending)
        {
            return;
        }
        var wait = _lastRender + interval - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            _pending = true;
            await Task.Delay(wait, clock);
            _pending = false;
        }
        _lastRender = clock.GetUtcNow();
        await render();
    }
}
