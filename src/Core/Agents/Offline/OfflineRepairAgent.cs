using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents.Llm;

namespace TraceFix.Core.Agents.Offline;

/// <summary>
/// The built-in agent that needs no model. It runs the tests, ranks candidate repairs from what failed, and tries them
/// one at a time: edit, run, keep the edit if more tests pass, otherwise revert it (UNDO_EDIT, or folded into the next
/// edit). A kept edit becomes a new base with its own candidates; when a base stops paying off the search backs up to
/// its parent, so one lucky but wrong edit cannot trap it. It submits as soon as every test passes, or the best
/// version when the step budget runs out. No model, no network, deterministic for a given seed.
/// </summary>
public sealed class OfflineRepairAgent(OfflineAgentOptions? options = null) : IAgent
{
    private readonly OfflineAgentOptions _options = options ?? new OfflineAgentOptions();
    private readonly HashSet<string> _tried = new(StringComparer.Ordinal);
    private readonly List<SearchNode> _path = [];
    private SearchNode? _best;
    private RepairCandidate? _pending;
    private RepairCandidate? _lastTried;
    private IReadOnlyList<string>? _beforeEdit;
    private ActionType? _last;
    private ActionType? _beforeLast;
    private int _seed;

    public string Kind => "offline";

    public string Model => "tracefix-offline-repair";

    public void BeginEpisode(EpisodeContext context)
    {
        _tried.Clear();
        _path.Clear();
        _best = null;
        _pending = null;
        _lastTried = null;
        _beforeEdit = null;
        _last = null;
        _beforeLast = null;
        _seed = context.Seed;
    }

    public ValueTask<AgentDecision> DecideAsync(StepResult current, CancellationToken cancellationToken)
    {
        var lines = ObservationDigest.NumberedLines(current.Observation.CodeDict).Select(l => l.Text).ToList();
        var action = Next(current.Observation, lines);
        if (action.ActionType == _last && _last == _beforeLast)
        {
            // Never a third identical action type in a row: the episode runner stops such loops.
            action = CodeAction.Of(ActionType.RUN_TESTS, RepairThoughts.BreakRepeat(action));
            _pending = null;
        }
        _beforeEdit = action.ActionType == ActionType.REPLACE_LINES ? lines : null;
        _beforeLast = _last;
        _last = action.ActionType;
        return ValueTask.FromResult(AgentDecision.Act(action));
    }

    private CodeAction Next(Observation observation, List<string> lines)
    {
        switch (_last)
        {
            case null:
                return CodeAction.Of(ActionType.RUN_TESTS, RepairThoughts.Opening(lines.Count));

            case ActionType.RUN_TESTS:
                var evidence = FailureEvidence.Read(observation);
                if (evidence.AllPass)
                {
                    return CodeAction.Of(ActionType.SUBMIT, RepairThoughts.Submit(evidence, _pending, Math.Max(0, _path.Count - 1)));
                }
                return Continue(observation, lines, Judge(evidence, lines));

            case ActionType.REPLACE_LINES when Error(observation) is { } error:
                var refused = _pending;
                _pending = null;
                Top.TriesWithoutGain++;
                return Continue(observation, lines, RepairThoughts.EditBroke(refused, error));

            case ActionType.REPLACE_LINES when observation.SyntaxError && _pending is not null:
                var broken = _pending;
                _pending = null;
                Top.TriesWithoutGain++;
                return CodeAction.Of(ActionType.UNDO_EDIT, RepairThoughts.Undo(RepairThoughts.EditBroke(broken, "the file no longer parses"), broken, null));

            case ActionType.REPLACE_LINES when _pending is not null:
                return CodeAction.Of(ActionType.RUN_TESTS, RepairThoughts.Verify(_pending));

            case ActionType.UNDO_EDIT:
                return Continue(observation, lines, "the failed edit is undone and the file is back to the version being repaired.");

            default:
                return _path.Count == 0
                    ? CodeAction.Of(ActionType.RUN_TESTS, RepairThoughts.Compose("the last action gave no test evidence.", "a pass count is needed before anything can be judged.", "run the tests."))
                    : Continue(observation, lines, "the file is in the state the search expects.");
        }
    }

    private SearchNode Top => _path[^1];

    /// <summary>Judges the run just made: the first run roots the search; a tried edit that passes more tests becomes a new base.</summary>
    private string Judge(FailureEvidence evidence, List<string> lines)
    {
        if (_path.Count == 0)
        {
            Push(lines, evidence);
            return RepairThoughts.FirstRun(evidence, CandidateGenerator.Findings(evidence));
        }
        var tested = _pending;
        _pending = null;
        var passed = evidence.SyntaxError ? 0 : evidence.Passed;
        if (tested is not null && passed > Top.Passed)
        {
            var before = Top.Passed;
            Push(lines, evidence);
            return RepairThoughts.Kept(tested, before, evidence);
        }
        Top.TriesWithoutGain++;
        return RepairThoughts.Rejected(tested, Top.Passed, evidence);
    }

    private void Push(List<string> lines, FailureEvidence evidence)
    {
        var node = new SearchNode(lines, evidence, CandidateGenerator.Generate(lines, evidence, _seed));
        _path.Add(node);
        if (_best is null || node.Passed > _best.Passed)
        {
            _best = node;
        }
    }

    /// <summary>Picks the next edit, backing up when the current base has used its patience, and winds down at the end of the budget.</summary>
    private CodeAction Continue(Observation observation, List<string> lines, string observed)
    {
        var remaining = observation.StepsRemaining;
        // A try needs REPLACE_LINES + RUN_TESTS and must leave room to return to the best version and SUBMIT.
        if (remaining < 4)
        {
            return WindDown(lines, observed, remaining);
        }

        var backedUp = false;
        while (true)
        {
            if (Top.TriesWithoutGain >= _options.Patience && _path.Count > 1 || Top.Peek(_tried) is null && _path.Count > 1)
            {
                _path.RemoveAt(_path.Count - 1);
                backedUp = true;
                continue;
            }
            var candidate = Top.Peek(_tried);
            if (candidate is null)
            {
                return WindDown(lines, RepairThoughts.Exhausted(observed), remaining);
            }
            var target = Transition.Apply(Top.Lines, candidate);
            if (Transition.Plan(lines, target) is not { } plan)
            {
                Top.Take(_tried);
                continue;
            }
            var fromBase = lines.SequenceEqual(Top.Lines);
            // A failed try far from the next one is undone by the environment rather than folded into a wide edit.
            if (!fromBase && plan.Span > _options.MaxFoldedSpan && _last == ActionType.REPLACE_LINES
                && _beforeEdit is { } before && before.SequenceEqual(Top.Lines) && _lastTried is { } failed)
            {
                return CodeAction.Of(ActionType.UNDO_EDIT, RepairThoughts.Undo(observed, failed, candidate));
            }
            Top.Take(_tried);
            _pending = candidate;
            _lastTried = candidate;
            return CodeAction.Replace(plan.Start, plan.End, string.Join("\n", plan.Block),
                RepairThoughts.Try(observed, candidate, plan, Top.Passed, revertsPrevious: !fromBase, backedUp));
        }
    }

    /// <summary>Out of steps or ideas: put the best version back if needed, then submit.</summary>
    private CodeAction WindDown(List<string> lines, string observed, int remaining)
    {
        var best = _best!;
        if (!lines.SequenceEqual(best.Lines) && remaining >= 2 && Transition.Plan(lines, best.Lines) is { } plan)
        {
            _pending = null;
            return CodeAction.Replace(plan.Start, plan.End, string.Join("\n", plan.Block), RepairThoughts.RestoreBest(observed, best.Evidence, remaining));
        }
        return CodeAction.Of(ActionType.SUBMIT, RepairThoughts.WindDown(observed, best.Evidence, remaining));
    }

    private static string? Error(Observation observation) => observation.Metadata.GetValueOrDefault("last_action_error") switch
    {
        null => null,
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Null } => null,
        System.Text.Json.JsonElement e => e.ToString(),
        var other => other.ToString(),
    };
}
