namespace TraceFix.Client.Services;

/// <summary>
/// Playback state of a trajectory: which step is shown, whether it advances by itself and how fast.
/// The clock is injected so that tests advance time instead of waiting.
/// </summary>
public sealed class ReplayPlayer(TimeProvider clock) : IAsyncDisposable
{
    public static readonly TimeSpan BaseInterval = TimeSpan.FromMilliseconds(900);

    private ITimer? _timer;
    private Task _tick = Task.CompletedTask;

    public int Position { get; private set; }

    public int Count { get; private set; }

    public bool Playing => _timer is not null;

    public double Speed { get; private set; } = 1;

    /// <summary>Raised after every change of position or play state, from the timer as well.</summary>
    public event Func<Task>? Changed;

    public TimeSpan Interval => BaseInterval / Speed;

    /// <summary>Updates the number of steps; a live run grows while it is shown.</summary>
    public void SetCount(int count, bool follow = false)
    {
        var atEnd = Position >= Count;
        Count = count;
        if (Position > count || (follow && atEnd) || (Position == 0 && count > 0 && follow))
        {
            Position = count;
        }
        if (Position == 0 && count > 0)
        {
            Position = 1;
        }
    }

    /// <summary>Moves without raising <see cref="Changed"/>, for callers that render anyway.</summary>
    public void Seek(int position) => Position = Math.Clamp(position, Count == 0 ? 0 : 1, Count);

    public async Task SeekAsync(int position)
    {
        Seek(position);
        await NotifyAsync();
    }

    public async Task StepAsync(int delta) => await SeekAsync(Position + delta);

    public async Task SetSpeedAsync(double speed)
    {
        Speed = Math.Clamp(speed, 0.25, 32);
        if (Playing)
        {
            Stop();
            Start();
        }
        await NotifyAsync();
    }

    public async Task TogglePlayAsync()
    {
        if (Playing)
        {
            Stop();
        }
        else
        {
            if (Position >= Count)
            {
                Position = Count == 0 ? 0 : 1;
            }
            Start();
        }
        await NotifyAsync();
    }

    public async Task PauseAsync()
    {
        Stop();
        await NotifyAsync();
    }

    /// <summary>The tick being handled, if any (awaited on dispose, which surfaces a failed one).</summary>
    public Task Pending => _tick;

    private void Start() => _timer = clock.CreateTimer(_ => OnTimer(), null, Interval, Interval);

    // The tick runs synchronously in the timer callback up to its first await, so a position change is visible as soon as
    // the clock fires (a fake clock in tests, the browser's single thread in WebAssembly).
    private void OnTimer()
    {
        if (!_tick.IsCompleted)
        {
            // The previous tick is still rendering: skip this one rather than pile them up.
            return;
        }
        if (_tick.IsFaulted)
        {
            // Keep the failure for DisposeAsync to surface; a failing render should not be retried forever.
            Stop();
            return;
        }
        _tick = TickAsync();
    }

    private void Stop()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private async Task TickAsync()
    {
        if (!Playing)
        {
            return;
        }
        if (Position >= Count)
        {
            Stop();
        }
        else
        {
            Position++;
        }
        await NotifyAsync();
    }

    private Task NotifyAsync() => Changed?.Invoke() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Stop();
        await _tick;
    }
}
