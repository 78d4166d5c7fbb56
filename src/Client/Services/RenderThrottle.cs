namespace TraceFix.Client.Services;

/// <summary>Coalesces bursts of live events into at most one render per interval, so a fast agent does not flood the UI thread.</summary>
public sealed class RenderThrottle(Func<Task> render, TimeProvider clock, TimeSpan interval)
{
    private int _pending;

    public async Task RequestAsync()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }
        await Task.Delay(interval, clock);
        Interlocked.Exchange(ref _pending, 0);
        await render();
    }
}
