using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents;

namespace TraceFix.Server.Tests.Runs;

/// <summary>
/// A test agent that cycles through VIEW_CODE, RUN_TESTS, VIEW_CODE, ... and submits at its last step. With a gate, each
/// decision waits for a permit, so a test decides how far the run gets.
/// </summary>
internal sealed class ScriptedAgent(int stepsPerEpisode, SemaphoreSlim? gate = null) : IAgent
{
    private int _step;

    public string Kind => "offline";

    public string Model => "scripted";

    public void BeginEpisode(EpisodeContext context) => _step = 0;

    public async ValueTask<AgentDecision> DecideAsync(StepResult current, CancellationToken cancellationToken)
    {
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }
        _step++;
        var type = _step >= stepsPerEpisode ? ActionType.SUBMIT : _step % 2 == 1 ? ActionType.VIEW_CODE : ActionType.RUN_TESTS;
        return AgentDecision.Act(CodeAction.Of(type, $"scripted step {_step}: {type}"), new AgentUsage(10 * _step, _step, 1.5));
    }
}
