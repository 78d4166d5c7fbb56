using System.Text.Json;

namespace TraceFix.Testing.Fakes;

/// <summary>
/// One canned answer of <see cref="FakeChatServer"/>: a chat completion, or an HTTP error. A request that asks to stream
/// gets the content in pieces of <see cref="StreamPieceLength"/> characters, <see cref="StreamDelay"/> apart.
/// </summary>
public sealed record ScriptedReply(
    int Status = 200,
    string? Content = null,
    string? Refusal = null,
    string? RetryAfter = null,
    int PromptTokens = 11,
    int CompletionTokens = 7)
{
    public int StreamPieceLength { get; init; } = 4;

    public TimeSpan StreamDelay { get; init; }

    /// <summary>When set, the server holds the reply until this task completes (a test waits for its viewer first).</summary>
    public Task? HoldUntil { get; init; }

    public static ScriptedReply Text(string content) => new(Content: content);

    /// <summary>An action object serialized the way a well-behaved model writes it.</summary>
    public static ScriptedReply Action(string actionType, string thought = "Observation: o. Diagnosis: d. Plan: p.",
        int? start = null, int? end = null, string? block = null) => new(Content: ActionText(actionType, thought, start, end, block));

    public static ScriptedReply Fenced(string actionType, string thought = "Observation: o. Diagnosis: d. Plan: p.") =>
        new(Content: "```json\n" + ActionText(actionType, thought, null, null, null) + "\n```");

    public static ScriptedReply Refused(string why) => new(Refusal: why);

    public static ScriptedReply Error(int status, string? retryAfter = null) => new(Status: status, RetryAfter: retryAfter);

    public static string ActionText(string actionType, string thought, int? start, int? end, string? block) => JsonSerializer.Serialize(new
    {
        thought,
        action_type = actionType,
        start_line = start,
        end_line = end,
        new_code_block = block,
    });
}
