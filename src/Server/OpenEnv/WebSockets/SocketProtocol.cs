using System.Net.WebSockets;
using System.Text.Json;
using TraceFix.Contracts.Episodes;
using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.OpenEnv.Tools;
using TraceFix.Server.OpenEnv.Validation;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.WebSockets;

/// <summary>The request/reply loop of one WebSocket session: exactly one reply per request, in order, none for close.</summary>
public sealed class SocketProtocol(SocketConnection connection, HostedSession session, int maxMessageBytes, ILogger logger,
    IToolActionHandler? tools = null)
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await connection.ReceiveUntilAsync(session.Expired, cancellationToken) is not { } message)
            {
                await EndWithSessionErrorAsync(session.ExpiryReason ?? "Session closed.", cancellationToken);
                return;
            }

            var keepOpen = message.Kind switch
            {
                IncomingKind.Close => false,
                IncomingKind.Binary => await ReplyErrorAsync(new ErrorFrameData(
                    "Invalid JSON: binary frames are not supported; send each message as a UTF-8 text frame.", ErrorCodes.InvalidJson), cancellationToken),
                IncomingKind.TooLarge => await ReplyErrorAsync(new ErrorFrameData(
                    $"Message too large: {message.Size} bytes exceeds the limit of {maxMessageBytes} bytes.", ErrorCodes.ValidationError)
                {
                    Errors = [ValidationErrors.Custom("too_long", [], ValidationErrors.JsonString($"<{message.Size} bytes>"), $"Message should have at most {maxMessageBytes} bytes")],
                }, cancellationToken),
                _ => await HandleTextAsync(message.Payload, cancellationToken),
            };
            if (!keepOpen)
            {
                await connection.CloseAndDrainAsync(TimeSpan.FromSeconds(2), cancellationToken);
                return;
            }
        }
    }

    private async Task<bool> HandleTextAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        JsonDocument document;
        // The parser does not check the bytes inside strings, so invalid UTF-8 would only fail later, when a value is read.
        if (!System.Text.Unicode.Utf8.IsValid(payload.Span))
        {
            return await ReplyErrorAsync(new ErrorFrameData("Invalid JSON: the frame is not valid UTF-8", ErrorCodes.InvalidJson), cancellationToken);
        }
        try
        {
            document = JsonDocument.Parse(payload, ParseOptions);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return await ReplyErrorAsync(new ErrorFrameData($"Invalid JSON: {ex.Message}", ErrorCodes.InvalidJson), cancellationToken);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return await ReplyErrorAsync(ErrorFrameData.Invalid([ValidationErrors.NotAnObject([], root, "a message")]), cancellationToken);
            }
            var type = root.TryGetProperty("type", out var typeValue) && typeValue.ValueKind == JsonValueKind.String ? typeValue.GetString() : null;
            return type switch
            {
                "reset" => await ResetAsync(root, cancellationToken),
                "step" => await StepAsync(root, cancellationToken),
                "state" => await StateAsync(root, cancellationToken),
                "mcp" when tools is not null => await McpAsync(root, tools, cancellationToken),
                "close" => false,
                _ => await ReplyErrorAsync(new ErrorFrameData($"Unknown message type: {DescribeType(root, typeValue)}", ErrorCodes.UnknownType), cancellationToken),
            };
        }
    }

    private async Task<bool> ResetAsync(JsonElement message, CancellationToken cancellationToken)
    {
        var errors = EnvelopeErrors(message, dataRequired: false);
        var data = message.TryGetProperty("data", out var d) ? d : default;
        var arguments = ResetValidator.Validate(data, "data");
        if (errors.Count > 0 || !arguments.IsValid)
        {
            return await ReplyErrorAsync(ErrorFrameData.Invalid([.. errors, .. arguments.Errors]), cancellationToken);
        }
        return await ExecuteAsync((env, ct) => env.ResetAsync(arguments.Value!, ct), cancellationToken);
    }

    private async Task<bool> StepAsync(JsonElement message, CancellationToken cancellationToken)
    {
        var errors = EnvelopeErrors(message, dataRequired: true);
        if (errors.Count > 0)
        {
            return await ReplyErrorAsync(ErrorFrameData.Invalid(errors), cancellationToken);
        }
        if (tools is not null && IToolActionHandler.IsToolAction(message.GetProperty("data")))
        {
            return await ToolStepAsync(message.GetProperty("data"), tools, cancellationToken);
        }
        var action = ActionValidator.Validate(message.GetProperty("data"));
        if (!action.IsValid)
        {
            return await ReplyErrorAsync(ErrorFrameData.Invalid(action.Errors), cancellationToken);
        }
        return await ExecuteAsync((env, ct) => env.StepAsync(action.Value!, ct), cancellationToken);
    }

    /// <summary><c>{"type":"mcp","data":{JSON-RPC request}}</c> → <c>{"type":"mcp","data":{JSON-RPC response}}</c> on this session.</summary>
    private async Task<bool> McpAsync(JsonElement message, IToolActionHandler handler, CancellationToken cancellationToken)
    {
        var errors = EnvelopeErrors(message, dataRequired: true);
        if (errors.Count > 0)
        {
            return await ReplyErrorAsync(ErrorFrameData.Invalid(errors), cancellationToken);
        }
        try
        {
            await connection.SendAsync("mcp", await handler.HandleRpcAsync(session, message.GetProperty("data"), cancellationToken), cancellationToken);
            return true;
        }
        catch (SessionClosedException ex)
        {
            await EndWithSessionErrorAsync(ex.Message, cancellationToken);
            return false;
        }
    }

    /// <summary>OpenEnv's ListToolsAction / CallToolAction as a step: answered as an observation frame with the step's reward.</summary>
    private async Task<bool> ToolStepAsync(JsonElement action, IToolActionHandler handler, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await handler.StepAsync(session, action, [], cancellationToken);
            if (outcome.Response is null)
            {
                return await ReplyErrorAsync(ErrorFrameData.Invalid(outcome.Errors), cancellationToken);
            }
            await connection.SendAsync("observation", outcome.Response, cancellationToken);
            return true;
        }
        catch (SessionClosedException ex)
        {
            await EndWithSessionErrorAsync(ex.Message, cancellationToken);
            return false;
        }
    }

    private async Task<bool> StateAsync(JsonElement message, CancellationToken cancellationToken)
    {
        var errors = EnvelopeErrors(message, dataRequired: false);
        if (errors.Count > 0)
        {
            return await ReplyErrorAsync(ErrorFrameData.Invalid(errors), cancellationToken);
        }
        return await ExecuteAsync((env, ct) => env.GetStateAsync(ct), cancellationToken);
    }

    private async Task<bool> ExecuteAsync<T>(Func<Core.Episodes.IEnvironmentSession, CancellationToken, Task<T>> call,
        CancellationToken cancellationToken)
    {
        T reply;
        try
        {
            reply = await session.RunAsync(call, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var failure = EnvironmentFailure.From(ex);
            if (failure.IsUnexpected)
            {
                logger.LogWarning(ex, "Environment call failed in session {SessionId}", session.Id);
            }
            if (failure.Code == ErrorCodes.SessionError)
            {
                await EndWithSessionErrorAsync(failure.Message, cancellationToken);
                return false;
            }
            return await ReplyErrorAsync(new ErrorFrameData(failure.Message, failure.Code), cancellationToken);
        }
        if (reply is StepResult result)
        {
            await connection.SendObservationAsync(result, cancellationToken);
        }
        else
        {
            await connection.SendAsync("state", reply, cancellationToken);
        }
        return true;
    }

    /// <summary>Envelope checks: only <c>type</c> and <c>data</c> are allowed, and <c>data</c> must be an object when required.</summary>
    private static List<ValidationError> EnvelopeErrors(JsonElement message, bool dataRequired)
    {
        var errors = new List<ValidationError>();
        foreach (var property in message.EnumerateObject())
        {
            if (property.Name is not ("type" or "data"))
            {
                errors.Add(ValidationErrors.ExtraForbidden([property.Name], property.Value));
            }
        }
        if (!dataRequired)
        {
            return errors;
        }
        if (!message.TryGetProperty("data", out var data))
        {
            errors.Add(ValidationErrors.Missing(["data"], message));
        }
        else if (data.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ValidationErrors.WrongType(["data"], data, FieldKind.Object));
        }
        return errors;
    }

    private static string DescribeType(JsonElement root, JsonElement typeValue) =>
        root.TryGetProperty("type", out _) ? (typeValue.ValueKind == JsonValueKind.String ? typeValue.GetString()! : typeValue.GetRawText()) : "";

    private async Task<bool> ReplyErrorAsync(ErrorFrameData error, CancellationToken cancellationToken)
    {
        await connection.SendAsync("error", error, cancellationToken);
        return true;
    }

    private async Task EndWithSessionErrorAsync(string message, CancellationToken cancellationToken)
    {
        try
        {
            await connection.SendAsync("error", new ErrorFrameData(message, ErrorCodes.SessionError), cancellationToken);
        }
        catch (WebSocketException)
        {
        }
        await connection.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "session closed", cancellationToken);
    }
}
