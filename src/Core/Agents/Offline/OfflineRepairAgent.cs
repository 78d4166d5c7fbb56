using System.Diagnostics;
using System.Text.Json;
using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents.Llm;
using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Agents.Offline;

/// <summary>
/// The built-in agent that needs no model. It runs the tests, turns every failure message it has seen into an example
/// (a call, its expected value or the exception it must not raise), and asks the repair engine, which runs in a sandbox,
/// to localise the fault and search a generic edit space against those examples. Environment steps are spent only on
/// the engine's best candidates: REPLACE_LINES, RUN_TESTS, keep the version if more tests pass, SUBMIT when all do.
/// Every new failure message becomes another example, so a candidate that only looked right locally teaches the next
/// search what it broke. Deterministic: the same observations give the same actions and thoughts.
/// </summary>
public sealed class OfflineRepairAgent(OfflineAgentOptions? options = null, SandboxOptions? sandbox = null) : IAgent
{
    private readonly OfflineAgentOptions _options = options ?? new OfflineAgentOptions();
    private readonly SandboxOptions _sandbox = sandbox ?? new SandboxOptions();
    private readonly List<(string Test, string Message, string Producer)> _seen = [];
    private readonly List<string> _traces = [];
    private readonly List<string> _tried = [];
    private readonly Queue<EngineCandidate> _queue = new();
    private readonly List<(IReadOnlyList<string> Lines, int Passed)> _bases = [];
    private EngineCandidate? _candidate;
    private IReadOnlyList<string>? _best;
    private int _bestPassed = -1;
    private int _total;
    private JsonElement? _state;
    private EngineReply? _reply;
    private ActionType? _last;
    private bool _restoring;

    public string Kind => "offline";

    /// <summary>The knobs this agent runs with (the server's come from <c>TraceFix:Agents:Offline</c>).</summary>
    public OfflineAgentOptions Options => _options;

    public string Model => "tracefix-offline-repair";

    /// <summary>Wall-clock time spent computing (engine calls included) per decision of the current episode.</summary>
    public List<double> ComputeMs { get; } = [];

    public void BeginEpisode(EpisodeContext context)
    {
        _seen.Clear();
        _traces.Clear();
        _tried.Clear();
        _queue.Clear();
        ComputeMs.Clear();
        _bases.Clear();
        (_candidate, _best, _bestPassed, _total, _state, _reply, _last, _restoring) = (null, null, -1, 0, null, null, null, false);
    }

    private IReadOnlyList<string>? Base => _bases.Count == 0 ? null : _bases[^1].Lines;

    private int BasePassed => _bases.Count == 0 ? 0 : _bases[^1].Passed;

    public async ValueTask<AgentDecision> DecideAsync(StepResult current, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var action = await NextAsync(current.Observation, cancellationToken);
            _last = action.ActionType;
            return AgentDecision.Act(action);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return AgentDecision.Stop($"offline agent error: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            ComputeMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task<CodeAction> NextAsync(Observation observation, CancellationToken cancellationToken)
    {
        var lines = ObservationDigest.NumberedLines(observation.CodeDict).Select(l => l.Text).ToList();
        switch (_last)
        {
            case null:
                return CodeAction.Of(ActionType.RUN_TESTS, RepairThoughts.Opening(lines.Count));
            case ActionType.REPLACE_LINES when _restoring:
                return CodeAction.Of(ActionType.SUBMIT, RepairThoughts.WindDown("the best version is back in place.", _bestPassed, _total, observation.StepsRemaining, false));
            case ActionType.REPLACE_LINES when ActionError(observation) is { } error:
                return await ProposeAsync(observation, lines, RepairThoughts.EditRefused(error), cancellationToken);
            case ActionType.REPLACE_LINES when observation.SyntaxError:
                return await ProposeAsync(observation, lines, RepairThoughts.EditRefused("the file no longer parses"), cancellationToken);
            case ActionType.REPLACE_LINES:
                return CodeAction.Of(ActionType.RUN_TESTS, RepairThoughts.Compose("the candidate is in place.",
                    "only the hidden tests can confirm it.", "run the tests."));
            case ActionType.RUN_TESTS:
                var signal = PassSignal.Read(observation.LastExecutionOutput);
                var passed = observation.SyntaxError ? 0 : signal.Passed ?? observation.TestResults.Count(r => r.Passed);
                _total = signal.Total ?? observation.TestResults.Count;
                if (signal.AllPass)
                {
                    return CodeAction.Of(ActionType.SUBMIT, RepairThoughts.Submit(passed, _total));
                }
                return await ProposeAsync(observation, lines, Judge(observation, lines, passed), cancellationToken);
            default:
                return await ProposeAsync(observation, lines, "the file is unchanged.", cancellationToken);
        }
    }

    /// <summary>Records what the run showed; a version that passes more tests than the base becomes the new base.</summary>
    private string Judge(Observation observation, List<string> lines, int passed)
    {
        var producer = SourceText.FromLines(lines);
        foreach (var result in observation.TestResults.Where(r => !r.Passed && !string.IsNullOrWhiteSpace(r.ErrorMessage)))
        {
            if (!_seen.Contains((result.TestName, result.ErrorMessage!, producer)))
            {
                _seen.Add((result.TestName, result.ErrorMessage!, producer));
            }
        }
        if (observation.LastExecutionOutput is { } output && output.Contains("solution.py", StringComparison.Ordinal))
        {
            _traces.Add(output);
        }
        if (passed > _bestPassed)
        {
            (_best, _bestPassed) = (lines, passed);
        }
        var first = observation.TestResults.FirstOrDefault(r => !r.Passed)?.ErrorMessage;
        var verdict = first is null ? null : $"first failure: {Trim(first)}";
        var tested = _candidate;
        _candidate = null;
        if (Base is null)
        {
            _bases.Add((lines, passed));
            return RepairThoughts.Run(passed, _total, verdict);
        }
        if (tested is null || lines.SequenceEqual(Base))
        {
            return RepairThoughts.Run(passed, _total, verdict);
        }
        if (passed > BasePassed)
        {
            var before = BasePassed;
            _bases.Add((lines, passed));
            _state = null;
            _queue.Clear();
            return $"{RepairThoughts.Run(passed, _total, verdict)} The candidate raised the pass count from {before}, so it is kept as the new base.";
        }
        return $"{RepairThoughts.Run(passed, _total, verdict)} The candidate did not raise the pass count ({BasePassed}); its new failure messages become examples.";
    }

    private async Task<CodeAction> ProposeAsync(Observation observation, List<string> lines, string observed, CancellationToken cancellationToken)
    {
        var remaining = observation.StepsRemaining;
        if (Base is null)
        {
            return CodeAction.Of(ActionType.RUN_TESTS, RepairThoughts.Compose(observed, "there is no test evidence yet.", "run the tests."));
        }
        var atBest = _best is not null && lines.SequenceEqual(_best);
        if (remaining < (atBest ? 3 : 4))
        {
            return WindDown(lines, observed, remaining);
        }
        if (_queue.Count == 0)
        {
            await RefillAsync(cancellationToken);
            observed = $"{observed} {RepairThoughts.Evidence(_reply!)}";
        }
        while (_queue.TryDequeue(out var candidate))
        {
            _tried.Add(candidate.Hash);
            if (Transition.Plan(lines, candidate.Lines) is not { } plan)
            {
                continue;
            }
            _candidate = candidate;
            return CodeAction.Replace(plan.Start, plan.End, string.Join("\n", plan.Block), RepairThoughts.Try(observed, candidate, plan, BasePassed));
        }
        var computeStep = _last == ActionType.VIEW_CODE ? ActionType.RUN_TESTS : ActionType.VIEW_CODE;
        if (_reply is { Oracle: true, Exhausted: false, Error: null })
        {
            return CodeAction.Of(computeStep, RepairThoughts.Search(observed, _reply));
        }
        if (_reply is { Error: null } && _bases.Count > 1)
        {
            // Keeping that version was a dead end: search again from the version before it, with everything learnt since.
            _bases.RemoveAt(_bases.Count - 1);
            _state = null;
            return CodeAction.Of(computeStep, RepairThoughts.BackUp(observed, BasePassed));
        }
        return WindDown(lines, observed, remaining);
    }

    private async Task RefillAsync(CancellationToken cancellationToken)
    {
        var baseText = SourceText.FromLines(Base!);
        var failures = _seen.Select(s => new SeenFailure(s.Test, s.Message, s.Producer == baseText)).ToList();
        var engine = new RepairEngine(_sandbox, _options.StepComputeLimit, _options.ChecksPerStep);
        _reply = await engine.AskAsync(baseText, failures, _traces.TakeLast(3).ToList(), _tried, _state, cancellationToken);
        _state = _reply.State;
        foreach (var candidate in _reply.Candidates.Where(c => !_tried.Contains(c.Hash)))
        {
            _queue.Enqueue(candidate);
        }
    }

    /// <summary>Out of steps or ideas: put the best version back if needed, then submit.</summary>
    private CodeAction WindDown(List<string> lines, string observed, int remaining)
    {
        if (_best is not null && !lines.SequenceEqual(_best) && remaining >= 2 && Transition.Plan(lines, _best) is { } plan)
        {
            _restoring = true;
            return CodeAction.Replace(plan.Start, plan.End, string.Join("\n", plan.Block), RepairThoughts.WindDown(observed, _bestPassed, _total, remaining, true));
        }
        return CodeAction.Of(ActionType.SUBMIT, RepairThoughts.WindDown(observed, _bestPassed, _total, remaining, false));
    }

    private static string Trim(string text) => text.Length <= 160 ? text : text[..157] + "...";

    private static string? ActionError(Observation observation) => observation.Metadata.GetValueOrDefault("last_action_error") switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Null } => null,
        JsonElement e => e.ToString(),
        var other => other.ToString(),
    };
}
