using TraceFix.Contracts.Environment;
using TraceFix.Core.Agents.Llm;

namespace TraceFix.Core.Agents.Offline;

/// <summary>
/// The built-in agent that needs no model: it runs the tests, ranks candidate repairs from what failed, and tries
/// them one at a time (edit, run, keep or revert), keeping every edit that raises the pass count and submitting as
/// soon as everything passes. Deterministic for a given seed.
/// </summary>
public sealed class OfflineRepairAgent : IAgent
{
    private readonly HashSet<string> _tried = new(StringComparer.Ordinal);
    private readonly Queue<RepairCandidate> _queue = new();
    private IReadOnlyList<string> _base = [];
    private FailureEvidence? _baseEvidence;
    private RepairCandidate? _pending;
    private RepairCandidate? _failed;
    private RepairCandidate? _revertedByPending;
    private ActionType? _last;
    private ActionType? _beforeLast;
    private int _seed;
    private int _kept;

    public string Kind => "offline";

    public string Model => "tracefix-offline-repair";

    public void BeginEpisode(EpisodeContext context)
    {
        _tried.Clear();
        _queue.Clear();
        _base = [];
        _baseEvidence = null;
        _pending = null;
        _failed = null;
        _revertedByPending = null;
        _last = null;
        _beforeLast = null;
        _seed = context.Seed;
        _kept = 0;
    }

    public ValueTask<AgentDecision> DecideAsync(StepResult current, CancellationToken cancellationToken)
    {
        var action = Next(current.Observation);
        if (action.ActionType == _last && _last == _beforeLast)
        {
            // Never a third identical action type in a row: the episode runner stops such loops.
            action = CodeAction.Of(ActionType.RUN_TESTS, RepairThoughts.BreakRepeat(action));
            if (_pending is not null)
            {
                _pending = null;
                _failed = _revertedByPending;
            }
        }
        _beforeLast = _last;
        _last = action.ActionType;
        return ValueTask.FromResult(AgentDecision.Act(action));
    }

    private CodeAction Next(Observation observation)
    {
        var lines = ObservationDigest.NumberedLines(observation.CodeDict).Select(l => l.Text).ToList();
        switch (_last)
        {
            case null:
                return CodeAction.Of(ActionType.RUN_TESTS, RepairThoughts.Opening(lines.Count));

            case ActionType.RUN_TESTS:
                var evidence = FailureEvidence.Read(observation);
                if (evidence.AllPass)
                {
                    return CodeAction.Of(ActionType.SUBMIT, RepairThoughts.Submit(evidence, _pending, _kept));
                }
                var verdict = Judge(evidence, lines);
                return NextEdit(observation, verdict);

            case ActionType.REPLACE_LINES:
                if (Error(observation) is { } error)
                {
                    // Rejected: the file did not change, so whatever was applied before the edit is still there.
                    var refused = _pending;
                    _pending = null;
                    _failed = _revertedByPending;
                    return _failed is not null
                        ? CodeAction.Of(ActionType.UNDO_EDIT, RepairThoughts.Undo(RepairThoughts.EditBroke(refused, error), _failed, null))
                        : NextEdit(observation, RepairThoughts.EditBroke(refused, error));
                }
                if (observation.SyntaxError)
                {
                    _failed = _pending;
                    _pending = null;
                    return CodeAction.Of(ActionType.UNDO_EDIT, RepairThoughts.Undo(RepairThoughts.EditBroke(_failed, "the file no longer parses"), _failed!, null));
                }
                return CodeAction.Of(ActionType.RUN_TESTS, RepairThoughts.Verify(_pending));

            case ActionType.UNDO_EDIT:
                _failed = null;
                return NextEdit(observation, "the failed edit is undone and the file is back to the best version so far.");

            default:
                return CodeAction.Of(ActionType.RUN_TESTS, RepairThoughts.Compose("the last action gave no test evidence.", "a fresh pass count is needed before deciding anything.", "run the tests."));
        }
    }

    /// <summary>Decides whether the edit just tested stays, and refreshes the candidate list when the baseline moves.</summary>
    private string Judge(FailureEvidence evidence, List<string> lines)
    {
        if (_baseEvidence is null)
        {
            Rebase(lines, evidence);
            return RepairThoughts.FirstRun(evidence, CandidateGenerator.Findings(evidence));
        }
        var tested = _pending;
        _pending = null;
        if (tested is not null && !evidence.SyntaxError && evidence.Passed > _baseEvidence.Passed)
        {
            var before = _baseEvidence.Passed;
            _kept++;
            _failed = null;
            Rebase(lines, evidence);
            return RepairThoughts.Kept(tested, before, evidence);
        }
        if (tested is not null)
        {
            _failed = tested;
        }
        return RepairThoughts.Rejected(tested, _baseEvidence.Passed, evidence);
    }

    private void Rebase(List<string> lines, FailureEvidence evidence)
    {
        _base = lines;
        _baseEvidence = evidence;
        _queue.Clear();
        foreach (var candidate in CandidateGenerator.Generate(lines, evidence, _seed))
        {
            _queue.Enqueue(candidate);
        }
    }

    private CodeAction NextEdit(Observation observation, string observed)
    {
        // An edit needs REPLACE_LINES and RUN_TESTS, plus one step to SUBMIT; an applied failure may need an UNDO first.
        var reserve = _failed is null ? 3 : 4;
        if (observation.StepsRemaining < reserve)
        {
            return _failed is not null && observation.StepsRemaining >= 2
                ? CodeAction.Of(ActionType.UNDO_EDIT, RepairThoughts.WindDownUndo(observed, observation.StepsRemaining))
                : CodeAction.Of(ActionType.SUBMIT, RepairThoughts.WindDown(observed, _baseEvidence, observation.StepsRemaining));
        }

        while (_queue.TryPeek(out var candidate))
        {
            var key = candidate.ResultKey(_base);
            if (_tried.Contains(key))
            {
                _queue.Dequeue();
                continue;
            }
            var plan = EditPlanner.Plan(_base, candidate, _failed);
            if (plan is null && _failed is not null)
            {
                return CodeAction.Of(ActionType.UNDO_EDIT, RepairThoughts.Undo(observed, _failed, candidate));
            }
            _queue.Dequeue();
            if (plan is null)
            {
                _tried.Add(key);
                continue;
            }
            _tried.Add(key);
            _pending = candidate;
            _revertedByPending = _failed;
            _failed = null;
            return CodeAction.Replace(plan.Start, plan.End, string.Join("\n", plan.Block),
                RepairThoughts.Try(observed, candidate, plan, _baseEvidence));
        }

        return _failed is not null
            ? CodeAction.Of(ActionType.UNDO_EDIT, RepairThoughts.Undo(observed, _failed, null))
            : CodeAction.Of(ActionType.SUBMIT, RepairThoughts.OutOfIdeas(observed, _baseEvidence));
    }

    private static string? Error(Observation observation) => observation.Metadata.GetValueOrDefault("last_action_error") switch
    {
        null => null,
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Null } => null,
        System.Text.Json.JsonElement e => e.ToString(),
        var other => other.ToString(),
    };
}
