using TraceFix.Client.Model;
using TraceFix.Client.Services;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.State;

/// <summary>
/// Everything the run page shows about one run: the trace, the selected episode and step, loading and live state.
/// <see cref="OpenAsync"/> switches runs: it cancels the previous run's load and live stream and starts from a clean slate,
/// so nothing of the old run (steps, "loaded", an applied deep link) leaks into the new one.
/// </summary>
public sealed partial class RunPageState : IAsyncDisposable
{
    private const int FirstStepPageSize = 60;
    private const int StepPageSize = 300;

    private readonly IRunsApi _api;
    private readonly IRunFeed _feed;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly RenderThrottle _throttle;
    private CancellationTokenSource _load = new();
    private Task _loading = Task.CompletedTask;
    private int? _pendingStep;

    /// <param name="dispatch">Runs a change on the component's renderer (the page's <c>InvokeAsync</c>).</param>
    /// <param name="render">Re-renders the page.</param>
    public RunPageState(IRunsApi api, IRunFeed feed, TimeProvider clock, Func<Func<Task>, Task> dispatch, Func<Task> render)
    {
        _api = api;
        _feed = feed;
        _dispatch = dispatch;
        Render = render;
        Player = new ReplayPlayer(clock);
        Search = new RunSearch(api);
        Player.Changed += () => _dispatch(Render);
        _throttle = new RenderThrottle(() => _dispatch(Render), clock, TimeSpan.FromMilliseconds(60));
        _feed.RunChanged += OnRunChanged;
        _feed.EpisodeStarted += OnEpisodeChanged;
        _feed.EpisodeFinished += OnEpisodeChanged;
        _feed.ModelText += OnModelText;
    }

    public Guid Id { get; private set; }
    public RunTrace? Trace { get; private set; }
    public ReplayPlayer Player { get; }
    public RunSearch Search { get; }
    public string? Error { get; set; }
    public int EpisodeNumber { get; private set; } = 1;

    /// <summary>Whether the view sticks to the newest step of a live run.</summary>
    public bool Follow { get; private set; } = true;

    /// <summary>All stored steps have been paged in.</summary>
    public bool Loaded { get; private set; }

    public Func<Task> Render { get; }

    public EpisodeView? Episode => Trace?.Episodes.FirstOrDefault(e => e.Index + 1 == EpisodeNumber);

    public StepView? Selected => Episode is { } ep && Player.Position >= 1 && Player.Position <= ep.Steps.Count ? ep.Steps[Player.Position - 1] : null;

    /// <summary>The address deep links start from: the run page, or a shared view's own address.</summary>
    public string? LinkBase { get; set; }

    public string DeepLink => $"{LinkBase ?? $"runs/{Id}"}?episode={EpisodeNumber}&step={Player.Position}";

    /// <summary>Shows run <paramref name="id"/>; a deep link's 1-based episode and step are applied once its steps arrive.</summary>
    public async Task OpenAsync(Guid id, int? episode, int? step)
    {
        if (id == Id && Trace is not null)
        {
            ApplyDeepLink(episode, step, follow: Follow);
            return;
        }
        // The old run's load and stream see their token cancelled and stop touching this state.
        await _load.CancelAsync();
        _load.Dispose();
        await Player.PauseAsync();
        var load = _load = new CancellationTokenSource();
        Id = id;
        Trace = null;
        Error = null;
        Loaded = false;
        EpisodeNumber = 1;
        Search.Clear();
        LiveText = null;
        _pendingStep = step;
        RunTrace trace;
        try
        {
            trace = new RunTrace(await _api.GetRunHeaderAsync(id, load.Token));
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            if (!load.IsCancellationRequested)
            {
                Error = e is ApiException { Status: 404 } ? $"Run {id} does not exist." : $"Could not load the run: {e.Message}";
            }
            return;
        }
        if (load.IsCancellationRequested)
        {
            return;
        }
        Trace = trace;
        // Without a deep link the run opens at its newest step (the current state); Play from there starts over at step 1.
        if (episode is null && step is null && !trace.Run.Status.IsTerminal() && trace.Episodes.Count > 0)
        {
            EpisodeNumber = trace.Episodes[^1].Index + 1;
        }
        ApplyDeepLink(episode, step, follow: step is null);
        _loading = LoadAsync(trace, load.Token);
    }

    public async Task SelectEpisodeAsync(int number)
    {
        await Player.PauseAsync();
        EpisodeNumber = number;
        Follow = false;
        Player.SetCount(Episode?.Steps.Count ?? 0);
        await Player.SeekAsync(1);
    }

    public async Task SeekAsync(int step)
    {
        // Moving away from the newest step stops following the live edge; coming back to it resumes.
        Follow = Episode is { Finished: false } ep && step >= ep.Steps.Count;
        await Player.SeekAsync(step);
    }

    public async Task CancelRunAsync()
    {
        try
        {
            await _api.CancelRunAsync(Id);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            Error = $"Could not cancel: {e.Message}";
        }
    }

    private void ApplyDeepLink(int? episode, int? step, bool follow)
    {
        Follow = follow;
        if (episode is { } e && Trace!.Episodes.Any(x => x.Index + 1 == e))
        {
            EpisodeNumber = e;
        }
        Player.SetCount(Episode?.Steps.Count ?? 0);
        Player.Seek(step ?? (Follow ? Player.Count : 1));
    }

    private Task OnRunChanged(RunSummary run) => run.Id != Id ? Task.CompletedTask : _dispatch(() =>
    {
        Trace?.Apply(run);
        return Render();
    });

    private Task OnEpisodeChanged(EpisodeDto episode) => episode.RunId != Id || Trace is null ? Task.CompletedTask : _dispatch(() =>
    {
        Trace.Apply(episode);
        if (Follow && !Player.Playing)
        {
            EpisodeNumber = Trace.Episodes[^1].Index + 1;
            Player.SetCount(Episode?.Steps.Count ?? 0, follow: true);
        }
        return Render();
    });

    public async ValueTask DisposeAsync()
    {
        _feed.RunChanged -= OnRunChanged;
        _feed.EpisodeStarted -= OnEpisodeChanged;
        _feed.EpisodeFinished -= OnEpisodeChanged;
        _feed.ModelText -= OnModelText;
        await _load.CancelAsync();
        await _loading;
        await _throttle.Pending;
        await Player.DisposeAsync();
        _load.Dispose();
    }
}
