using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Services;

/// <summary>The one hub connection of the dashboard, shared by every page.</summary>
public sealed class RunFeed : IRunFeed, IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _life = new();
    private readonly Dictionary<Guid, int> _joined = [];
    private int _runSubscribers;
    private Task? _connecting;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RunFeed(NavigationManager navigation, TimeProvider clock)
    {
        _clock = clock;
        _hub = new HubConnectionBuilder()
            .WithUrl(navigation.ToAbsoluteUri(RunsHubMethods.Path))
            .WithAutomaticReconnect(new ForeverRetryPolicy())
            .Build();
        _hub.On<RunStatusChanged>(RunsHubMethods.RunStatusChanged, m => Raise(RunChanged, m.Run));
        _hub.On<RunDeleted>(RunsHubMethods.RunDeleted, m => Raise(RunDeleted, m.RunId));
        _hub.On<EpisodeStarted>(RunsHubMethods.EpisodeStarted, m => Raise(EpisodeStarted, m.Episode));
        _hub.On<EpisodeFinished>(RunsHubMethods.EpisodeFinished, m => Raise(EpisodeFinished, m.Episode));
        _hub.On<ModelTextStreamed>(RunsHubMethods.ModelTextStreamed, m => Raise(ModelText, m));
        _hub.Reconnecting += error => SetStateAsync(FeedState.Reconnecting, error);
        _hub.Reconnected += _ => OnConnectedAsync();
        _hub.Closed += OnClosedAsync;
    }

    public FeedState State { get; private set; } = FeedState.Disconnected;

    public string? LastError { get; private set; }

    public event Func<Task>? StateChanged;
    public event Func<RunSummary, Task>? RunChanged;
    public event Func<Guid, Task>? RunDeleted;
    public event Func<EpisodeDto, Task>? EpisodeStarted;
    public event Func<EpisodeDto, Task>? EpisodeFinished;
    public event Func<ModelTextStreamed, Task>? ModelText;

    public void EnsureStarted() => _connecting ??= ConnectLoopAsync();

    public async Task<IAsyncDisposable> SubscribeRunsAsync(CancellationToken cancellationToken = default)
    {
        EnsureStarted();
        if (Interlocked.Increment(ref _runSubscribers) == 1 && _hub.State == HubConnectionState.Connected)
        {
            await _hub.InvokeAsync(RunsHubMethods.SubscribeRuns, cancellationToken);
        }
        return new Subscription(async () =>
        {
            if (Interlocked.Decrement(ref _runSubscribers) == 0 && _hub.State == HubConnectionState.Connected)
            {
                await _hub.InvokeAsync(RunsHubMethods.UnsubscribeRuns);
            }
        });
    }

    public async IAsyncEnumerable<StepRecorded> WatchAsync(Guid runId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EnsureStarted();
        lock (_joined)
        {
            _joined[runId] = _joined.GetValueOrDefault(runId) + 1;
        }
        try
        {
            var last = afterSequence;
            while (true)
            {
                await WaitConnectedAsync(cancellationToken);
                if (!await TryJoinAsync(runId, cancellationToken))
                {
                    continue;
                }
                await using var steps = _hub.StreamAsync<StepRecorded>(RunsHubMethods.WatchRun, runId, last, cancellationToken)
                    .GetAsyncEnumerator(cancellationToken);
                var ended = false;
                while (true)
                {
                    try
                    {
                        if (!await steps.MoveNextAsync())
                        {
                            ended = true;
                            break;
                        }
                    }
                    catch (Exception e) when (e is not HubException && !cancellationToken.IsCancellationRequested)
                    {
                        // The connection dropped under the stream: wait for the reconnect and resume after the last step seen.
                        LastError = e.Message;
                        await Task.Delay(TimeSpan.FromMilliseconds(200), _clock, cancellationToken);
                        break;
                    }
                    if (steps.Current.Step.Sequence <= last)
                    {
                        continue;
                    }
                    last = steps.Current.Step.Sequence;
                    yield return steps.Current;
                }
                if (ended)
                {
                    yield break;
                }
            }
        }
        finally
        {
            lock (_joined)
            {
                if (--_joined[runId] == 0)
                {
                    _joined.Remove(runId);
                }
            }
        }
    }

    /// <summary>Joins the run's group; false when the connection dropped meanwhile (the caller waits for the reconnect).</summary>
    private async Task<bool> TryJoinAsync(Guid runId, CancellationToken cancellationToken)
    {
        try
        {
            await _hub.InvokeAsync(RunsHubMethods.JoinRun, runId, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not HubException && !cancellationToken.IsCancellationRequested)
        {
            LastError = e.Message;
            await Task.Delay(TimeSpan.FromMilliseconds(200), _clock, cancellationToken);
            return false;
        }
    }

    private async Task WaitConnectedAsync(CancellationToken cancellationToken)
    {
        if (_hub.State != HubConnectionState.Connected)
        {
            await _connected.Task.WaitAsync(cancellationToken);
        }
    }

    private async Task ConnectLoopAsync()
    {
        for (var attempt = 0L; !_life.IsCancellationRequested; attempt++)
        {
            await SetStateAsync(attempt == 0 ? FeedState.Connecting : FeedState.Reconnecting, null);
            try
            {
                await _hub.StartAsync(_life.Token);
                await OnConnectedAsync();
                return;
            }
            catch (Exception e) when (!_life.IsCancellationRequested)
            {
                await SetStateAsync(FeedState.Reconnecting, e);
                await Task.Delay(ForeverRetryPolicy.Delay(attempt + 1), _clock, _life.Token);
            }
        }
    }

    private async Task OnConnectedAsync()
    {
        if (_runSubscribers > 0)
        {
            await _hub.InvokeAsync(RunsHubMethods.SubscribeRuns);
        }
        Guid[] joined;
        lock (_joined)
        {
            joined = [.. _joined.Keys];
        }
        foreach (var runId in joined)
        {
            await _hub.InvokeAsync(RunsHubMethods.JoinRun, runId);
        }
        LastError = null;
        await SetStateAsync(FeedState.Connected, null);
        _connected.TrySetResult();
    }

    private async Task OnClosedAsync(Exception? error)
    {
        await SetStateAsync(FeedState.Disconnected, error);
        if (!_life.IsCancellationRequested)
        {
            // Automatic reconnect gave up or the first connection failed: start over.
            _connecting = ConnectLoopAsync();
        }
    }

    private async Task SetStateAsync(FeedState state, Exception? error)
    {
        if (state != FeedState.Connected && _connected.Task.IsCompleted)
        {
            _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        State = state;
        if (error is not null)
        {
            LastError = error.Message;
        }
        await Raise(StateChanged);
    }

    private static async Task Raise(Func<Task>? handlers)
    {
        foreach (var handler in handlers?.GetInvocationList().Cast<Func<Task>>() ?? [])
        {
            await handler();
        }
    }

    private static async Task Raise<T>(Func<T, Task>? handlers, T value)
    {
        foreach (var handler in handlers?.GetInvocationList().Cast<Func<T, Task>>() ?? [])
        {
            await handler(value);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _life.CancelAsync();
        await _hub.DisposeAsync();
        _life.Dispose();
    }

    private sealed class Subscription(Func<Task> dispose) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await dispose();
    }
}
