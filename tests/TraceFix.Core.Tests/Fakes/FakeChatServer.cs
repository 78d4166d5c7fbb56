using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TraceFix.Testing.Fakes;

/// <summary>
/// An OpenAI-compatible Chat Completions server on a real loopback port (Kestrel), replaying scripted replies in order.
/// When the script runs out it calls <see cref="Responder"/>, or answers 500 so a test notices an unexpected call.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeChatServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The base URL as an OpenAI client wants it (ending in /v1).</summary>
    public string ApiBaseUrl => new Uri(BaseUrl, "v1").ToString();

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public Func<RecordedRequest, ScriptedReply>? Responder { get; set; }

    public static async Task<FakeChatServer> StartAsync(params ScriptedReply[] script)
    {
        var app = LoopbackApp.Create();
        var server = new FakeChatServer(app);
        server.Enqueue(script);
        app.MapPost("/{**path}", server.HandleAsync);
        var address = await LoopbackApp.StartAsync(app);
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public void Enqueue(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public int Remaining => _script.Count;

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = new RecordedRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), body.RootElement.Clone());
        _requests.Enqueue(request);

        var reply = _script.TryDequeue(out var next) ? next : Responder?.Invoke(request);
        if (reply is null)
        {
            await Write(context, 500, new { error = new { message = "fake server: no scripted reply left", type = "server_error" } });
            return;
        }
        if (reply.HoldUntil is not null)
        {
            await reply.HoldUntil.WaitAsync(TimeSpan.FromSeconds(60));
        }
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers["Retry-After"] = reply.RetryAfter;
        }
        if (reply.Status != 200)
        {
            await Write(context, reply.Status, new { error = new { message = $"scripted status {reply.Status}", type = "scripted" } });
            return;
        }
        if (body.RootElement.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            await StreamAsync(context, reply, request.Model);
            return;
        }
        await Write(context, 200, new
        {
            id = $"chatcmpl-{_requests.Count}",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = request.Model ?? "fake",
            choices = new[]
            {
                new
                {
                    index = 0,
                    message = new { role = "assistant", content = reply.Content, refusal = reply.Refusal },
                    finish_reason = "stop",
                    logprobs = (object?)null,
                },
            },
            usage = new { prompt_tokens = reply.PromptTokens, completion_tokens = reply.CompletionTokens, total_tokens = reply.PromptTokens + reply.CompletionTokens },
        });
    }

    /// <summary>
    /// A streamed completion as OpenAI sends it (server-sent events): the content in small pieces, each flushed, then a
    /// chunk with the finish reason, one with the usage, and [DONE].
    /// </summary>
    private async Task StreamAsync(HttpContext context, ScriptedReply reply, string? model)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        var id = $"chatcmpl-{_requests.Count}";
        async Task Send(object delta, string? finish, object? usage = null)
        {
            var chunk = new
            {
                id,
                @object = "chat.completion.chunk",
                created = 1_700_000_000,
                model = model ?? "fake",
                choices = usage is null ? new[] { new { index = 0, delta, finish_reason = finish, logprobs = (object?)null } } : [],
                usage,
            };
            await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
            await context.Response.Body.FlushAsync();
        }
        await Send(new { role = "assistant" }, null);
        foreach (var piece in Pieces(reply.Content ?? "", reply.StreamPieceLength))
        {
            await Send(new { content = piece }, null);
            if (reply.StreamDelay > TimeSpan.Zero)
            {
                await Task.Delay(reply.StreamDelay);
            }
        }
        if (reply.Refusal is not null)
        {
            await Send(new { refusal = reply.Refusal }, null);
        }
        await Send(new { }, "stop");
        await Send(new { }, null, new { prompt_tokens = reply.PromptTokens, completion_tokens = reply.CompletionTokens, total_tokens = reply.PromptTokens + reply.CompletionTokens });
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static IEnumerable<string> Pieces(string text, int length)
    {
        for (var i = 0; i < text.Length; i += length)
        {
            yield return text.Substring(i, Math.Min(length, text.Length - i));
        }
    }

    private static async Task Write(HttpContext context, int status, object payload)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, payload);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
