namespace TraceFix.Contracts.Runs;

/// <summary>
/// What the LLM agent sent and received for one step (<c>GET /api/runs/{id}/steps/{sequence}/exchange</c>). Only message
/// text is kept: request headers, keys and authorisation never are. To keep a long episode small, a step lists only the
/// messages new since the previous model call; the rest of the conversation was sent as well (<see cref="EarlierMessages"/>).
/// </summary>
/// <param name="Sequence">The step's sequence in its run.</param>
/// <param name="SystemPromptSent">Whether <see cref="Sent"/> starts with the system prompt (first model call of the episode);
/// later calls send the same system prompt again, which is not repeated here.</param>
/// <param name="EarlierMessages">Messages of earlier steps also sent with this call.</param>
/// <param name="Sent">The messages new in this call, in order.</param>
/// <param name="Calls">Each completion call made for the step (structured, then plain as a fallback), with its raw answer.</param>
/// <param name="ParseError">Why the answer could not be used, when it could not.</param>
/// <param name="Recovery">What the agent did instead (e.g. RUN_TESTS), when the answer was unusable.</param>
public sealed record ModelExchange(
    long Sequence,
    string Model,
    bool SystemPromptSent,
    int EarlierMessages,
    IReadOnlyList<ExchangeMessage> Sent,
    IReadOnlyList<ModelCall> Calls,
    string? ParseError,
    string? Recovery)
{
    public int PromptTokens => Calls.Sum(c => c.PromptTokens);

    public int CompletionTokens => Calls.Sum(c => c.CompletionTokens);
}

/// <summary>One chat message: role (system, user, assistant) and text.</summary>
public sealed record ExchangeMessage(string Role, string Content);

/// <summary>
/// One completion call. <see cref="Mode"/> is "structured" (JSON schema output) or "plain"; <see cref="Attempts"/> counts
/// retries on transient errors; <see cref="Error"/> says why the call failed, when it did.
/// </summary>
public sealed record ModelCall(
    string Mode,
    string? Response,
    string? Refusal,
    string? FinishReason,
    int PromptTokens,
    int CompletionTokens,
    double LatencyMs,
    int Attempts,
    string? Error);
