using OpenAI.Chat;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Core.Agents.Llm;

/// <summary>
/// The seed's LLM policy: VIEW_CODE first, then one model call per step with the whole conversation so far,
/// structured output with a plain fallback, RUN_TESTS in place of an unusable answer, and a stop after
/// <see cref="LlmAgentOptions.ParseErrorLimit"/> unusable answers in a row. Every model-backed decision carries its
/// <see cref="ModelExchange"/>: the message text sent and received, never a header or key.
/// </summary>
public sealed class LlmAgent(LlmAgentOptions options, ChatEndpoint? endpoint = null) : IAgent, ILiveTextSource
{
    private readonly ChatEndpoint _endpoint = endpoint ?? new ChatEndpoint(options);
    private readonly List<ChatMessage> _history = [];
    private readonly List<ExchangeMessage> _historyText = [];
    private readonly List<string> _trajectory = [];
    private readonly List<ModelCall> _calls = [];
    private int _reported;
    private int _decisions;
    private int _parseErrorsInRow;

    public string Kind => "llm";

    /// <inheritdoc />
    public Action<LiveText>? LiveText { get; set; }

    public string Model => options.Model;

    public void BeginEpisode(EpisodeContext context)
    {
        _history.Clear();
        _historyText.Clear();
        _trajectory.Clear();
        _reported = 0;
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
        Remember("user", LlmPrompt.Turn(_trajectory, signal, ObservationDigest.Render(observation)));
        var earlier = _reported;
        var sent = _historyText.Skip(earlier).ToList();
        if (earlier == 0)
        {
            sent.Insert(0, new ExchangeMessage("system", LlmPrompt.System));
        }
        _reported = _historyText.Count;
        _calls.Clear();

        var usage = new UsageMeter();
        try
        {
            var action = await AskAsync(usage, cancellationToken);
            _parseErrorsInRow = 0;
            Remember("assistant", ActionJson.Serialize(action));
            return Chosen(action, usage.Total) with { Exchange = Exchange(earlier, sent, null, null) };
        }
        catch (ModelReplyException ex)
        {
            var cause = ex.Message.Replace('\n', ' ');
            _parseErrorsInRow++;
            if (ex.RawReply.Trim() is { Length: > 0 } raw)
            {
                Remember("assistant", raw);
            }
            Remember("user", LlmPrompt.ParseErrorFeedback(cause));
            if (_parseErrorsInRow >= options.ParseErrorLimit)
            {
                var reason = $"KILL_SWITCH: PARSE_ERROR occurred {_parseErrorsInRow} times in a row";
                return AgentDecision.Stop(reason, usage.Total) with { Exchange = Exchange(earlier, sent, cause, "stopped: " + reason) };
            }
            var recovery = CodeAction.Of(ActionType.RUN_TESTS, LlmPrompt.ParseRecoveryThought);
            _trajectory.Add(recovery.ActionType.ToString());
            return new AgentDecision(recovery, usage.Total, ParseError: cause)
            {
                Exchange = Exchange(earlier, sent, cause, "RUN_TESTS in place of the unusable answer; the error was fed back to the model"),
            };
        }
    }

    private void Remember(string role, string text)
    {
        _history.Add(role == "user" ? ChatMessage.CreateUserMessage(text) : ChatMessage.CreateAssistantMessage(text));
        _historyText.Add(new ExchangeMessage(role, text));
    }

    /// <summary>After the first call, the earlier messages re-sent are the system prompt plus <paramref name="earlier"/> turns.</summary>
    private ModelExchange Exchange(int earlier, List<ExchangeMessage> sent, string? parseError, string? recovery) =>
        new(0, options.Model, earlier == 0, earlier == 0 ? 0 : earlier + 1, sent, [.. _calls], parseError, recovery);

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
            ModelReply? reply = null;
            try
            {
                reply = usage.Add(await _endpoint.CompleteAsync(messages, structured: true, cancellationToken, TextSink()));
                if (!string.IsNullOrWhiteSpace(reply.Refusal))
                {
                    throw new ModelReplyException($"model refused: {reply.Refusal.Trim()}", reply.Refusal);
                }
                var action = ActionJson.Parse(reply.Text);
                _calls.Add(Call("structured", reply, null));
                return action;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                structuredFailure = Flatten(ex.Message);
                _calls.Add(Call("structured", reply, structuredFailure));
            }
        }

        ModelReply plain;
        try
        {
            plain = usage.Add(await _endpoint.CompleteAsync(messages, structured: false, cancellationToken, TextSink()));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _calls.Add(Call("plain", null, Flatten(ex.Message)));
            var prefix = structuredFailure is null ? "" : $"structured call failed: {structuredFailure} | ";
            throw new ModelReplyException($"{prefix}plain call failed: {Flatten(ex.Message)}", inner: ex);
        }
        try
        {
            if (string.IsNullOrWhiteSpace(plain.Text) && !string.IsNullOrWhiteSpace(plain.Refusal))
            {
                throw new ModelReplyException($"model refused: {plain.Refusal.Trim()}", plain.Refusal);
            }
            var action = ActionJson.Parse(plain.Text);
            _calls.Add(Call("plain", plain, null));
            return action;
        }
        catch (ModelReplyException ex)
        {
            _calls.Add(Call("plain", plain, Flatten(ex.Message)));
            throw;
        }
    }

    /// <summary>Streams this decision's model text to <see cref="LiveText"/> when someone watches; an attempt starts with "".</summary>
    private Action<string>? TextSink()
    {
        if (LiveText is not { } sink)
        {
            return null;
        }
        var step = _decisions;
        return text => sink(new LiveText(step, text, Restart: text.Length == 0));
    }

    private static ModelCall Call(string mode, ModelReply? reply, string? error) => reply is null
        ? new ModelCall(mode, null, null, null, 0, 0, 0, 0, error)
        : new ModelCall(mode, reply.Text, reply.Refusal, reply.FinishReason, reply.PromptTokens, reply.CompletionTokens,
            Math.Round(reply.LatencyMs, 1), reply.Attempts, error);

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
