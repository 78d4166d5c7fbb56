using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Model;

/// <summary>
/// A run being watched: the stored detail plus everything the live feed added since. Step lists grow in place so a long
/// live run costs one append per step, not a copy.
/// </summary>
public sealed class RunTrace
{
    private readonly List<EpisodeView> _episodes = [];
    private readonly Dictionary<long, List<StepView>> _steps = [];

    public RunTrace(RunDetail detail)
    {
        Run = detail.Run;
        foreach (var episode in detail.Episodes.OrderBy(e => e.Index))
        {
            var steps = episode.Steps.OrderBy(s => s.Sequence).Select(StepView.From).ToList();
            _steps[episode.Id] = steps;
            _episodes.Add(EpisodeView.From(episode, Run.MaxSteps, steps));
            LastSequence = Math.Max(LastSequence, steps.Count > 0 ? steps[^1].Sequence : 0);
        }
    }

    public RunSummary Run { get; private set; }

    public IReadOnlyList<EpisodeView> Episodes => _episodes;

    /// <summary>The highest step sequence held: where a resumed stream starts.</summary>
    public long LastSequence { get; private set; }

    public void Apply(RunSummary run)
    {
        if (run.Id == Run.Id)
        {
            Run = run;
        }
    }

    /// <summary>Adds or updates an episode's header (start or finish), keeping the steps already held.</summary>
    public void Apply(EpisodeDto episode)
    {
        if (!_steps.TryGetValue(episode.Id, out var steps))
        {
            steps = [];
            _steps[episode.Id] = steps;
        }
        var view = EpisodeView.From(episode, Run.MaxSteps, steps);
        var at = _episodes.FindIndex(e => e.Id == episode.Id);
        if (at >= 0)
        {
            _episodes[at] = view;
        }
        else
        {
            _episodes.Add(view);
            _episodes.Sort((a, b) => a.Index.CompareTo(b.Index));
        }
    }

    /// <summary>Appends a live step. False when its episode is not known yet: the caller should reload the detail.</summary>
    public bool Apply(StepRecorded recorded)
    {
        if (recorded.Step.Sequence <= LastSequence)
        {
            return true;
        }
        if (!_steps.TryGetValue(recorded.EpisodeId, out var steps))
        {
            return false;
        }
        steps.Add(StepView.From(recorded.Step));
        LastSequence = recorded.Step.Sequence;
        return true;
    }

    /// <summary>Takes a fresher detail (e.g. after a step of an unknown episode), keeping live steps newer than it.</summary>
    public void Merge(RunDetail detail)
    {
        var live = _steps.Values.SelectMany(s => s).ToList();
        var fresh = new RunTrace(detail);
        Run = fresh.Run;
        _episodes.Clear();
        _episodes.AddRange(fresh._episodes);
        _steps.Clear();
        foreach (var (id, steps) in fresh._steps)
        {
            _steps[id] = steps;
        }
        LastSequence = fresh.LastSequence;
        foreach (var step in live.Where(s => s.Sequence > LastSequence).OrderBy(s => s.Sequence))
        {
            if (_steps.TryGetValue(step.EpisodeId, out var steps))
            {
                steps.Add(step);
                LastSequence = step.Sequence;
            }
        }
    }
}
