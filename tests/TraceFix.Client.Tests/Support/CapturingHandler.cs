using System.Net;
using System.Text;
using TraceFix.Client.Services;

namespace TraceFix.Client.Tests.Support;

/// <summary>Stands in for the network (bUnit has no server): records what the client sends and answers with a fixed rule.</summary>
internal sealed class CapturingHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<SentRequest> Sent { get; } = [];

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Unauthorized() =>
        new(HttpStatusCode.Unauthorized)
        {
            Content = new StringContent(
                """{"title":"Unauthorized","status":401,"detail":"This request needs the operator key."}""",
                Encoding.UTF8,
                "application/problem+json"),
        };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.Headers.TryGetValues(OperatorKeyStore.HeaderName, out var values) ? string.Join(",", values) : null;
        Sent.Add(new SentRequest(request.Method, request.RequestUri!.PathAndQuery, key));
        return Task.FromResult(answer(request));
    }
}

internal sealed record SentRequest(HttpMethod Method, string PathAndQuery, string? Key);
