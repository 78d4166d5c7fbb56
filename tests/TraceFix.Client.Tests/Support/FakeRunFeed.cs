using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TraceFix.Client.Services;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Tests.Support;

/// <summary>A feed driven by the test: it pushes steps into a channel and raises events by hand.</summary>
internal sealed class FakeRunFeed : IRunFeed
{
    private readonly Channel<StepRecorded> _steps = Channel.CreateUnbounded<StepRecorded>();

    public FeedState State { get; set; } = FeedState.Connected;
    public string? LastError { get; set; }
    public long? WatchedAfter { get; private set; }

    public event Func<Task>? StateChanged;
    public event Func<RunSummary, Task>? RunChanged;
    public event Func<Guid, Task>? RunDeleted;
    public event Func<EpisodeDto, Task>? EpisodeStarted;
    public event Func<EpisodeDto, Task>? EpisodeFinished;
    public event Func<ModelTextStreamed, Task>? ModelText;

    public void EnsureStarted()
    {
    }

    public Task<IAsyncDisposable> SubscribeRunsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable>(new Nothing());

    public async IAsyncEnumerable<StepRecorded> WatchAsync(Guid runId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        WatchedAfter = afterSequence;
        await foreach (var step in _steps.Reader.ReadAllAsync(cancellationToken))
        {
            yield return step;
        }
    }

    public ValueTask PushAsync(StepRecorded step) => _steps.Writer.WriteAsync(step);

    public void Complete() => _steps.Writer.Complete();

    public Task RaiseRunChanged(RunSummary run) => RunChanged?.Invoke(run) ?? Task.CompletedTask;

    public Task RaiseState(FeedState state)
    {
        State = state;
        return StateChanged?.Invoke() ?? Task.CompletedTask;
    }

    public Task RaiseEpisodeStarted(EpisodeDto episode) => EpisodeStarted?.Invoke(episode) ?? Task.CompletedTask;

    public Task RaiseEpisodeFinished(EpisodeDto episode) => EpisodeFinished?.Invoke(episode) ?? Task.CompletedTask;

    public Task RaiseModelText(ModelTextStreamed text) => ModelText?.Invoke(text) ?? Task.CompletedTask;

    public Task RaiseRunDeleted(Guid id) => RunDeleted?.Invoke(id) ?? Task.CompletedTask;

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
