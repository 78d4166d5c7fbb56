using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

namespace TraceFix.Core.Sandbox;

/// <summary>
/// Warm sandboxes waiting for work. A returned slot goes back to the idle queue once it reports ready again; a slot
/// that died, timed out or failed to get ready is killed and replaced in the background.
/// </summary>
internal sealed class SandboxPool(Func<SlotLaunch> launch, int size) : IAsyncDisposable
{
    public SandboxPool(Func<ProcessStartInfo> startInfo, int size)
        : this(() => new SlotLaunch(startInfo()), size)
    {
    }

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);
    private const int StartAttempts = 3;

    private readonly Channel<SandboxSlot> _idle = Channel.CreateUnbounded<SandboxSlot>();
    private readonly ConcurrentDictionary<Task, byte> _background = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _replacementFailures;
    private string? _lastFailure;

    public int Size => size;

    public async Task FillAsync(CancellationToken cancellationToken)
    {
        var slots = await Task.WhenAll(Enumerable.Range(0, size).Select(_ => StartWithRetryAsync(cancellationToken))).ConfigureAwait(false);
        foreach (var slot in slots)
        {
            _idle.Writer.TryWrite(slot);
        }
    }

    /// <summary>
    /// Starts a slot for the start-up probe and the initial fill the way a replacement is started: a zygote that dies at
    /// birth is tried again (a busy host starting many sandboxes at once), and only <see cref="StartAttempts"/> failures in a row make the pool unusable.
    /// </summary>
    public async Task<SandboxSlot> StartWithRetryAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartReadySlotAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SandboxUnavailableException) when (attempt < StartAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Starts one zygote and waits for it to be ready; throws with the zygote's own diagnostics if it never is.</summary>
    public async Task<SandboxSlot> StartReadySlotAsync(CancellationToken cancellationToken)
    {
        var slot = SandboxSlot.Start(launch());
        if (await slot.WaitReadyAsync(ReadyTimeout, cancellationToken).ConfigureAwait(false))
        {
            return slot;
        }
        var diagnostics = slot.Diagnostics;
        await slot.DisposeAsync().ConfigureAwait(false);
        throw new SandboxUnavailableException(
            "the sandboxed interpreter did not start" + (diagnostics.Length > 0 ? $": {diagnostics}" : " (no diagnostics)"));
    }

    /// <summary>Waits for an idle slot; throws <see cref="SandboxUnavailableException"/> if none comes back within <paramref name="patience"/>.</summary>
    public async Task<SandboxSlot> RentAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(patience);
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (true)
            {
                var slot = await _idle.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
                if (slot.IsAlive)
                {
                    SandboxMetrics.Waited(Stopwatch.GetElapsedTime(started));
                    return slot;
                }
                Replace(slot);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = Volatile.Read(ref _lastFailure);
            throw new SandboxUnavailableException(
                $"no sandbox became free within {patience.TotalSeconds:0}s" + (reason is null ? "" : $"; the last restart failed: {reason}"));
        }
    }

    /// <summary>Hands a used slot back: it rejoins the queue after its ready frame, or is replaced.</summary>
    public void Return(SandboxSlot slot, bool healthy)
    {
        if (!healthy || _stopping.IsCancellationRequested)
        {
            Replace(slot);
            return;
        }
        Track(RequeueAsync(slot));
    }

    private async Task RequeueAsync(SandboxSlot slot)
    {
        try
        {
            if (await slot.WaitReadyAsync(ReadyTimeout, _stopping.Token).ConfigureAwait(false))
            {
                _idle.Writer.TryWrite(slot);
                return;
            }
        }
        catch (OperationCanceledException)
        {
            await slot.DisposeAsync().ConfigureAwait(false);
            return;
        }
        Replace(slot);
    }

    private void Replace(SandboxSlot dead)
    {
        Track(ReplaceAsync(dead));
    }

    private async Task ReplaceAsync(SandboxSlot dead)
    {
        SandboxMetrics.SlotReplaced();
        await dead.DisposeAsync().ConfigureAwait(false);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var slot = await StartReadySlotAsync(_stopping.Token).ConfigureAwait(false);
                Interlocked.Exchange(ref _replacementFailures, 0);
                _idle.Writer.TryWrite(slot);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Volatile.Write(ref _lastFailure, e.Message);
                var failures = Interlocked.Increment(ref _replacementFailures);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * failures)), _stopping.Token).ConfigureAwait(false);
            }
        }
    }

    private void Track(Task task)
    {
        _background.TryAdd(task, 0);
        task.ContinueWith(t => _background.TryRemove(t, out _), TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_background.Keys).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _idle.Writer.TryComplete();
        while (_idle.Reader.TryRead(out var slot))
        {
            await slot.DisposeAsync().ConfigureAwait(false);
        }
        _stopping.Dispose();
    }
}
