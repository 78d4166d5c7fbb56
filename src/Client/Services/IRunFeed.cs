using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Services;

/// <summary>Live events from /hubs/runs. Survives server restarts: it reconnects forever and resumes streams where they stopped.</summary>
public interface IRunFeed
{
    FeedState State { get; }

    /// <summary>The last connection error, shown next to the connection state.</summary>
    string? LastError { get; }

    event Func<Task>? StateChanged;

    event Func<RunSummary, Task>? RunChanged;

    event Func<Guid, Task>? RunDeleted;

    event Func<EpisodeDto, Task>? EpisodeStarted;

    event Func<EpisodeDto, Task>? EpisodeFinished;

    /// <summary>Text a model is generating in a run this client watches (see <see cref="ModelTextStreamed"/>).</summary>
    event Func<ModelTextStreamed, Task>? ModelText;

    /// <summary>Starts connecting in the background if not yet started; returns at once.</summary>
    void EnsureStarted();

    /// <summary>Receive status changes of every run until the returned handle is disposed.</summary>
    Task<IAsyncDisposable> SubscribeRunsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The steps of a run after <paramref name="afterSequence"/>: stored ones first, then live ones. After a lost connection it
    /// resumes from the last step it yielded. Ends when the run has ended and all of its steps were delivered.
    /// </summary>
    IAsyncEnumerable<StepRecorded> WatchAsync(Guid runId, long afterSequence, CancellationToken cancellationToken = default);
}
