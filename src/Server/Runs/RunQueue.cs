namespace TraceFix.Server.Runs;

/// <summary>
/// Wakes this instance's engine when a run was queued here, so it need not wait for its next poll of the database
/// (where the queue itself lives).
/// </summary>
public sealed class RunQueue
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Returns when woken or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
