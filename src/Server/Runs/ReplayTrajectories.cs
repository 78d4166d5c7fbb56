using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs;

/// <summary>Reads the stored actions of a replay's source run and hands them to a <see cref="StoredActionsAgent"/>.</summary>
public sealed class ReplayTrajectories(RunStore store)
{
    public async Task<IAgent> CreateAgentAsync(RunPlan plan, CancellationToken cancellationToken)
    {
        var sourceId = plan.ReplaySourceRunId ?? throw new InvalidOperationException("a replay needs a source run");
        var source = await store.GetDetailAsync(sourceId, cancellationToken)
            ?? throw new InvalidOperationException($"the source run {sourceId} no longer exists");
        var episodes = source.Episodes.Select(e => (IReadOnlyList<StepDto>)e.Steps).ToList();
        return new StoredActionsAgent(episodes);
    }
}

/// <summary>
/// Replays stored steps episode by episode and notes in each thought where the environment's answer diverges from the
/// recording (a different reward or pass count for the same action).
/// </summary>
public sealed class StoredActionsAgent(IReadOnlyList<IReadOnlyList<StepDto>> episodes) : IAgent
{
    private int _episode = -1;
    private int _next;
    private int _divergences;

    public string Kind => AgentKinds.Replay;

    public string Model => "replay";

    public void BeginEpisode(EpisodeContext context)
    {
        _episode++;
        _next = 0;
        _divergences = 0;
    }

    public ValueTask<AgentDecision> DecideAsync(StepResult current, CancellationToken cancellationToken)
    {
        var steps = _episode < episodes.Count ? episodes[_episode] : [];
        var note = _next > 0 ? Compare(steps[_next - 1], current) : null;
        if (_next >= steps.Count)
        {
            return ValueTask.FromResult(AgentDecision.Stop($"replay: the recorded episode has no step {_next + 1}"));
        }
        var recorded = steps[_next++];
        var thought = $"Replaying recorded step {recorded.Index}." + (note is null ? "" : $" {note}") +
            (recorded.Thought.Length > 0 ? $" Original thought: {recorded.Thought}" : "");
        var action = new CodeAction
        {
            Thought = thought,
            ActionType = recorded.Action.Type,
            StartLine = recorded.Action.StartLine,
            EndLine = recorded.Action.EndLine,
            NewCodeBlock = recorded.Action.CodeBlock,
        };
        return ValueTask.FromResult(AgentDecision.Act(action));
    }

    private string? Compare(StepDto recorded, StepResult now)
    {
        var passed = now.Observation.TestResults.Count(t => t.Passed);
        var reward = now.Reward ?? 0;
        if (Math.Abs(reward - recorded.Reward) < 1e-6 && passed == recorded.PassCount)
        {
            return null;
        }
        _divergences++;
        return $"DIVERGENCE #{_divergences} after step {recorded.Index}: reward {reward:0.###} vs recorded {recorded.Reward:0.###}, " +
            $"passing {passed} vs recorded {recorded.PassCount}.";
    }
}
