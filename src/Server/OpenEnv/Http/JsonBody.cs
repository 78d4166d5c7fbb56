using System.Buffers;
using System.Text.Json;

namespace TraceFix.Server.OpenEnv.Http;

/// <summary>A request body read as JSON: no body, a parsed document, or the reason it could not be used.</summary>
public sealed class JsonBody : IDisposable
{
    private readonly JsonDocument? _document;

    private JsonBody(JsonDocument? document, IResult? error)
    {
        _document = document;
        Error = error;
    }

    /// <summary>The root value, or an undefined element when the body was empty.</summary>
    public JsonElement Root => _document?.RootElement ?? default;

    public IResult? Error { get; }

    public static async Task<JsonBody> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), request.HttpContext.RequestAborted);
            if (read == 0)
            {
                break;
            }
            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return TooLarge(maxBytes);
            }
        }
        if (buffer.WrittenSpan.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new JsonBody(null, null);
        }
        // The parser does not check the bytes inside strings, so invalid UTF-8 would only fail later, when a value is read.
        if (!System.Text.Unicode.Utf8.IsValid(buffer.WrittenSpan))
        {
            return new JsonBody(null, HttpResponses.InvalidJson("the body is not valid UTF-8"));
        }
        try
        {
            return new JsonBody(JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 64 }), null);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return new JsonBody(null, HttpResponses.InvalidJson(ex.Message));
        }
    }

    public void Dispose() => _document?.Dispose();

    private static JsonBody TooLarge(int maxBytes) => new(null, HttpResponses.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large",
        $"The request body exceeds the limit of {maxBytes} bytes.", Wire.ErrorCodes.ValidationError));
}
