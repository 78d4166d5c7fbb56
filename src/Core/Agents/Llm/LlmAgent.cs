using OpenAI.Chat;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Agents.Llm;

/// <summary>
/// The seed's LLM policy: VIEW_CODE first, then one model call per step with the whole conversation so far,
/// structured output with a plain fallback, RUN_TESTS in place of an unusable answer, and a stop after
/// <see cref="LlmAgentOptions.ParseErrorLimit"/> unusable answers in a row.
/// </summary>
public sealed class LlmAgent(LlmAgentOptions options, ChatEndpoint? endpoint = null) : IAgent
{
    private readonly ChatEndpoint _endpoint = endpoint ?? new ChatEndpoint(options);
    private readonly List<ChatMessage> _history = [];
    private readonly List<string> _trajectory = [];
    private int _decisions;
    private int _parseErrorsInRow;

    public string Kind => "llm";

    public string Model => options.Model;

    public void BeginEpisode(EpisodeContext context)
    {
        _history.Clear();
        _trajectory.Clear();
        _decisions = 0;
        _parseErrorsInRow = 0;
    }

    public async ValueTask<AgentDecision> DecideAsync(StepResult current, CancellationToken cancellationToken)
    {
        _decisions++;
        if (_decisions == 1)
        {
            return Chosen(CodeAction.Of(ActionType.VIEW_CODE, LlmPrompt.FirstStepThought), null);
        }

        var observation = current.Observation;
        var signal = PassSignal.Read(observation.LastExecutionOutput);
        _history.Add(ChatMessage.CreateUserMessage(LlmPrompt.Turn(_trajectory, signal, ObservationDigest.Render(observation))));

        var usage = new UsageMeter();
        try
        {
            var action = await AskAsync(usage, cancellationToken);
            _parseErrorsInRow = 0;
            _history.Add(ChatMessage.CreateAssistantMessage(ActionJson.Serialize(action)));
            return Chosen(action, usage.Total);
        }
        catch (ModelReplyException ex)
        {
            var cause = ex.Message.Replace('\n', ' ');
            _parseErrorsInRow++;
            if (ex.RawReply.Trim() is { Length: > 0 } raw)
            {
                _history.Add(ChatMessage.CreateAssistantMessage(raw));
            }
            _history.Add(ChatMessage.CreateUserMessage(LlmPrompt.ParseErrorFeedback(cause)));
            if (_parseErrorsInRow >= options.ParseErrorLimit)
            {
                return AgentDecision.Stop($"KILL_SWITCH: PARSE_ERROR occurred {_parseErrorsInRow} times in a row", usage.Total);
            }
            var recovery = CodeAction.Of(ActionType.RUN_TESTS, LlmPrompt.ParseRecoveryThought);
            _trajectory.Add(recovery.ActionType.ToString());
            return new AgentDecision(recovery, usage.Total, ParseError: cause);
        }
    }

    private AgentDecision Chosen(CodeAction action, AgentUsage? usage)
    {
        _trajectory.Add(action.ActionType.ToString());
        return AgentDecision.Act(action, usage);
    }

    /// <summary>Structured output first (when enabled); on any failure of that path, one plain completion.</summary>
    private async Task<CodeAction> AskAsync(UsageMeter usage, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>(_history.Count + 1) { ChatMessage.CreateSystemMessage(LlmPrompt.System) };
        messages.AddRange(_history);

        string? structuredFailure = null;
        if (options.UseStructuredOutput)
        {
            try
            {
                var reply = usage.Add(await _endpoint.CompleteAsync(messages, structured: true, cancellationToken));
                if (!string.IsNullOrWhiteSpace(reply.Refusal))
                {
                    throw new ModelReplyException($"model refused: {reply.Refusal.Trim()}", reply.Refusal);
                }
                return ActionJson.Parse(reply.Text);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                structuredFailure = Flatten(ex.Message);
            }
        }

        ModelReply plain;
        try
        {
            plain = usage.Add(await _endpoint.CompleteAsync(messages, structured: false, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var prefix = structuredFailure is null ? "" : $"structured call failed: {structuredFailure} | ";
            throw new ModelReplyException($"{prefix}plain call failed: {Flatten(ex.Message)}", inner: ex);
        }
        if (string.IsNullOrWhiteSpace(plain.Text) && !string.IsNullOrWhiteSpace(plain.Refusal))
        {
            throw new ModelReplyException($"model refused: {plain.Refusal.Trim()}", plain.Refusal);
        }
        return ActionJson.Parse(plain.Text);
    }

    private static string Flatten(string message) => message.ReplaceLineEndings(" ").Trim();

    private sealed class UsageMeter
    {
        private int _prompt;
        private int _completion;
        private double _latency;
        private int _attempts;

        public ModelReply Add(ModelReply reply)
        {
            _prompt += reply.PromptTokens;
            _completion += reply.CompletionTokens;
            _latency += reply.LatencyMs;
            _attempts += reply.Attempts;
            return reply;
        }

        public AgentUsage? Total => _attempts == 0 ? null : new AgentUsage(_prompt, _completion, _latency, _attempts);
    }
}
