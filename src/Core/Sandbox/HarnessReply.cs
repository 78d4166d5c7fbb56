using System.Text.Json;
using System.Text.Json.Serialization;

namespace TraceFix.Core.Sandbox;

/// <summary>The zygote's answer to a request (status ok/timeout/crashed) with the harness's report when ok.</summary>
internal sealed record HarnessReply(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("result")] HarnessReport? Result)
{
    private static readonly JsonSerializerOptions Json = new() { MaxDepth = 64 };

    public static HarnessReply? Parse(byte[] frame)
    {
        try
        {
            return JsonSerializer.Deserialize<HarnessReply>(frame, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal sealed record HarnessReport(
    [property: JsonPropertyName("tests")] IReadOnlyList<HarnessTest>? Tests,
    [property: JsonPropertyName("output")] string? Output,
    [property: JsonPropertyName("output_dropped")] long OutputDropped,
    [property: JsonPropertyName("timed_out")] bool TimedOut,
    [property: JsonPropertyName("syntax")] HarnessSyntax? Syntax,
    [property: JsonPropertyName("harness_error")] string? HarnessError);

internal sealed record HarnessTest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("exception")] HarnessException? Exception);

internal sealed record HarnessException(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("msg")] string Message,
    [property: JsonPropertyName("frames")] IReadOnlyList<JsonElement>? Frames);

internal sealed record HarnessSyntax(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("msg")] string Message,
    [property: JsonPropertyName("text")] string? Text)
{
    public SyntaxCheck ToCheck() => new(Line, Message, Text);
}
