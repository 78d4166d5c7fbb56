using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Globalization;
using OpenAI;
using OpenAI.Chat;

namespace TraceFix.Core.Agents.Llm;

/// <summary>One model reply: its text or refusal, plus what it cost across all attempts.</summary>
public sealed record ModelReply(string Text, string? Refusal, int PromptTokens, int CompletionTokens, double LatencyMs, int Attempts,
    string? FinishReason = null);

/// <summary>
/// The chat completions endpoint behind the OpenAI SDK, with our own retry loop (the SDK's is switched off) so that
/// attempts are counted and backoff honours Retry-After.
/// </summary>
public sealed class ChatEndpoint
{
    private readonly ChatClient _client;
    private readonly LlmAgentOptions _options;
    private readonly TimeProvider _clock;

    public ChatEndpoint(LlmAgentOptions options, TimeProvider? clock = null, HttpClient? http = null)
    {
        _options = options;
        _clock = clock ?? TimeProvider.System;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.ApiBaseUrl),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.RequestTimeout,
        };
        if (http is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(http);
        }
        _client = new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey), clientOptions);
    }

    /// <param name="onText">When set, the reply is streamed and each piece of text is passed here as it arrives; an
    /// empty string marks the start of a new attempt (the text so far is void).</param>
    public async Task<ModelReply> CompleteAsync(IReadOnlyList<ChatMessage> messages, bool structured, CancellationToken cancellationToken,
        Action<string>? onText = null)
    {
        var request = new ChatCompletionOptions { Temperature = (float)_options.Temperature };
        if (structured)
        {
            request.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                "CodeAction", ActionJson.Schema, "One TraceFix environment action.", jsonSchemaIsStrict: true);
        }

        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (onText is not null)
                {
                    onText("");
                    var streamed = await StreamAsync(messages, request, onText, cancellationToken);
                    return streamed with { LatencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds, Attempts = attempt };
                }
                ChatCompletion completion = await _client.CompleteChatAsync(messages, request, cancellationToken);
                var text = string.Concat(completion.Content
                    .Where(part => part.Kind == ChatMessageContentPartKind.Text)
                    .Select(part => part.Text));
                return new ModelReply(text, completion.Refusal, completion.Usage?.InputTokenCount ?? 0,
                    completion.Usage?.OutputTokenCount ?? 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds, attempt,
                    FinishReasonText(completion.FinishReason));
            }
            catch (Exception ex) when (attempt <= _options.MaxRetries && IsTransient(ex, cancellationToken))
            {
                await Task.Delay(Backoff(ex, attempt), _clock, cancellationToken);
            }
        }
    }

    private async Task<ModelReply> StreamAsync(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions request, Action<string> onText,
        CancellationToken cancellationToken)
    {
        var text = new System.Text.StringBuilder();
        var refusal = new System.Text.StringBuilder();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        await foreach (var update in _client.CompleteChatStreamingAsync(messages, request, cancellationToken))
        {
            foreach (var part in update.ContentUpdate)
            {
                if (part.Kind == ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text))
                {
                    text.Append(part.Text);
                    onText(part.Text);
                }
            }
            refusal.Append(update.RefusalUpdate);
            finish = update.FinishReason ?? finish;
            usage = update.Usage ?? usage;
        }
        return new ModelReply(text.ToString(), refusal.Length == 0 ? null : refusal.ToString(), usage?.InputTokenCount ?? 0,
            usage?.OutputTokenCount ?? 0, 0, 1, finish is { } reason ? FinishReasonText(reason) : null);
    }

    private static string FinishReasonText(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString(),
    };

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        ClientResultException result => result.Status is 0 or 408 or 409 or 429 or >= 500,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        TimeoutException or HttpRequestException or IOException => true,
        _ => false,
    };

    private TimeSpan Backoff(Exception ex, int attempt)
    {
        var exponential = _options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        if (ex is ClientResultException result && result.GetRawResponse() is { } response
            && response.Headers.TryGetValue("Retry-After", out var header)
            && double.TryParse(header, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            exponential = TimeSpan.FromSeconds(seconds);
        }
        return exponential > _options.RetryMaxDelay ? _options.RetryMaxDelay : exponential;
    }
}
