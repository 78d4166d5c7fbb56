using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents;
using TraceFix.Core.Agents.Llm;

namespace TraceFix.Cli.Running;

/// <summary>
/// Wraps an agent to print, on stderr, what the seed prints with --thought: an [OBS_DEBUG] block before each model
/// call, and a [THOUGHT] block with every chosen action (none for the recovery action after an unusable reply).
/// </summary>
public sealed class ThoughtEchoAgent(IAgent inner, TextWriter error) : IAgent
{
    private string? _lastAction;
    private int _decisions;

    public string Kind => inner.Kind;

    public string Model => inner.Model;

    public void BeginEpisode(EpisodeContext context)
    {
        _lastAction = null;
        _decisions = 0;
        inner.BeginEpisode(context);
    }

    public async ValueTask<AgentDecision> DecideAsync(StepResult current, CancellationToken cancellationToken)
    {
        _decisions++;
        if (inner.Kind == "llm" && _decisions > 1)
        {
            var output = current.Observation.LastExecutionOutput ?? "";
            var signal = PassSignal.Read(output);
            var preview = string.Join("\\n", output.Split('\n').Take(6));
            await error.WriteLineAsync("[OBS_DEBUG]");
            await error.WriteLineAsync($"chars={output.Length} pass_count={signal.Summary} all_pass={(signal.AllPass ? "true" : "false")} last_action={_lastAction ?? "none"}");
            await error.WriteLineAsync(preview.Length > 0 ? preview : "<empty last_execution_output>");
        }
        var decision = await inner.DecideAsync(current, cancellationToken);
        if (decision.Action is { } action)
        {
            if (decision.ParseError is null)
            {
                var thought = action.Thought.Trim();
                await error.WriteLineAsync("[THOUGHT]");
                await error.WriteLineAsync(thought.Length > 0 ? thought : ActionJson.Serialize(action));
            }
            _lastAction = action.ActionType.ToString();
        }
        await error.FlushAsync(cancellationToken);
        return decision;
    }
}
