using TraceFix.Client.Model;
using TraceFix.Client.Services;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.State;

/// <summary>
/// A search inside the run on screen. The server does the searching (<c>/api/runs/{id}/steps?q=…</c>), page by page, so a
/// long run is never scanned in the browser; this keeps the matches as (episode, step) pairs for marking and jumping.
/// </summary>
public sealed class RunSearch
{
    /// <summary>Matches kept at most; the count says when there were more.</summary>
    public const int MaxMatches = 5000;
    private const int PageSize = 1000;

    private readonly IRunsApi _api;
    private readonly List<(int Episode, int Step)> _matches = [];
    private readonly Dictionary<int, HashSet<int>> _byEpisode = [];
    private CancellationTokenSource? _running;

    public RunSearch(IRunsApi api) => _api = api;

    public StepSearch Query { get; private set; } = new();

    public bool Active => !Query.IsEmpty;

    public bool Busy { get; private set; }

    public bool Truncated { get; private set; }

    public string? Error { get; private set; }

    public int Count => _matches.Count;

    /// <summary>The matching step numbers of one episode (1-based episode number).</summary>
    public IReadOnlySet<int> In(int episode) => _byEpisode.TryGetValue(episode, out var steps) ? steps : EmptySet;

    private static readonly HashSet<int> EmptySet = [];

    /// <summary>Runs <paramref name="query"/> against run <paramref name="runId"/>, replacing the previous search (which is cancelled).</summary>
    public async Task RunAsync(Guid runId, RunTrace trace, StepSearch query, CancellationToken cancellationToken)
    {
        if (_running is { } previous)
        {
            await previous.CancelAsync();
            previous.Dispose();
        }
        var running = _running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = running.Token;
        Clear();
        Query = query;
        if (query.IsEmpty)
        {
            return;
        }
        Busy = true;
        try
        {
            var episodes = trace.Episodes.ToDictionary(e => e.Id, e => e.Index + 1);
            long after = 0;
            while (_matches.Count < MaxMatches)
            {
                var page = await _api.SearchStepsAsync(runId, query, after, PageSize, token);
                token.ThrowIfCancellationRequested();
                foreach (var step in page.Where(s => episodes.ContainsKey(s.EpisodeId)).Take(MaxMatches - _matches.Count))
                {
                    Add(episodes[step.EpisodeId], step.Index);
                }
                if (page.Count < PageSize)
                {
                    break;
                }
                after = page[^1].Sequence;
            }
            Truncated = _matches.Count >= MaxMatches;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            Error = e.Message;
        }
        if (ReferenceEquals(_running, running))
        {
            Busy = false;
        }
    }

    public void Clear()
    {
        _matches.Clear();
        _byEpisode.Clear();
        Error = null;
        Truncated = false;
        Busy = false;
        Query = new();
    }

    /// <summary>The next match after (or, with <paramref name="forward"/> false, before) the given position, wrapping round.</summary>
    public (int Episode, int Step)? Next(int episode, int step, bool forward)
    {
        if (_matches.Count == 0)
        {
            return null;
        }
        var here = (episode, step);
        var found = forward
            ? _matches.FirstOrDefault(m => Compare(m, here) > 0, _matches[0])
            : _matches.LastOrDefault(m => Compare(m, here) < 0, _matches[^1]);
        return found;
    }

    private void Add(int episode, int step)
    {
        if (!_byEpisode.TryGetValue(episode, out var steps))
        {
            _byEpisode[episode] = steps = [];
        }
        if (steps.Add(step))
        {
            _matches.Add((episode, step));
        }
    }

    private static int Compare((int Episode, int Step) a, (int Episode, int Step) b) =>
        a.Episode != b.Episode ? a.Episode.CompareTo(b.Episode) : a.Step.CompareTo(b.Step);
}
