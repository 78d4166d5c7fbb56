using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace TraceFix.Server.Store;

/// <summary>
/// Group commit of steps. Appends from every run queue up; one writer takes whatever is waiting (up to
/// <see cref="MaxBatch"/>), stores it as one statement (one transaction), and only then runs each step's
/// <c>onDurable</c> callback, in queue order, and completes its task. So a busy server pays one commit for many steps,
/// an idle one still commits each step at once (nothing waits for a batch to fill), and nothing is announced before it
/// is stored. A batch that fails is retried step by step, so one bad step fails alone.
/// </summary>
internal sealed class StepCommitter : IAsyncDisposable
{
    public const int MaxBatch = 128;

    private readonly IDbContextFactory<TraceFixDb> _factory;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(4 * MaxBatch) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _writer;

    public StepCommitter(IDbContextFactory<TraceFixDb> factory)
    {
        _factory = factory;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes once the step is stored, after its callback ran; faults if it could not be stored.</summary>
    public async Task AppendAsync(StepRecord step, Action? onDurable, CancellationToken cancellationToken)
    {
        var pending = new Pending(step, onDurable, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        await pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            try
            {
                await InsertAsync([.. batch.Select(p => p.Step)]);
                Complete(batch, null);
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var pending in batch)
                {
                    try
                    {
                        await InsertAsync([pending.Step]);
                        Complete([pending], null);
                    }
                    catch (Exception ex)
                    {
                        Complete([pending], ex);
                    }
                }
            }
            catch (Exception ex)
            {
                Complete(batch, ex);
            }
            batch.Clear();
        }
    }

    private async Task InsertAsync(IReadOnlyList<StepRecord> steps)
    {
        await using var db = _factory.CreateDbContext();
        await StepInsert.For(db).ExecuteAsync(db, steps, CancellationToken.None);
    }

    private static void Complete(List<Pending> batch, Exception? error)
    {
        foreach (var pending in batch)
        {
            if (error is not null)
            {
                pending.Done.TrySetException(error);
                continue;
            }
            try
            {
                pending.OnDurable?.Invoke();
                pending.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    private sealed record Pending(StepRecord Step, Action? OnDurable, TaskCompletionSource Done);
}
