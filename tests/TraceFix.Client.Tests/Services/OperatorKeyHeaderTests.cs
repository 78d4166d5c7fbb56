using System.Net;
using Bunit;
using TraceFix.Client.Services;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Tests.Services;

public sealed class OperatorKeyHeaderTests : BunitContext
{
    private const string Key = "s3cret-operator-key";
    private readonly CapturingHandler _handler = new(Answer);

    [Fact]
    public async Task StoredKey_IsSentOnWrites_AndNotOnReads()
    {
        JSInterop.HoldingKey(Key);
        var api = CreateClient();

        await api.StartRunAsync(new StartRunRequest("fixed"));
        await api.CancelRunAsync(Guid.NewGuid());
        await api.ListTasksAsync();

        Assert.Equal(3, _handler.Sent.Count);
        Assert.All(_handler.Sent.Where(r => r.Method == HttpMethod.Post), r => Assert.Equal(Key, r.Key));
        Assert.Null(_handler.Sent.Single(r => r.Method == HttpMethod.Get).Key);
        Assert.DoesNotContain(_handler.Sent, r => r.PathAndQuery.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutStoredKey_NoHeaderIsSent()
    {
        JSInterop.HoldingKey(null);
        var api = CreateClient();

        await api.StartRunAsync(new StartRunRequest("fixed"));
        await api.CancelRunAsync(Guid.NewGuid());

        Assert.Equal(2, _handler.Sent.Count);
        Assert.All(_handler.Sent, r => Assert.Null(r.Key));
    }

    [Fact]
    public async Task ForgottenKey_StopsBeingSent()
    {
        JSInterop.HoldingKey(Key);
        var store = new OperatorKeyStore(JSInterop.JSRuntime);
        var api = new RunsApiClient(new HttpClient(_handler) { BaseAddress = new Uri("http://dashboard.test/") }, store);

        await api.CancelRunAsync(Guid.NewGuid());
        await store.ForgetAsync();
        await api.CancelRunAsync(Guid.NewGuid());

        Assert.Equal([Key, null], _handler.Sent.Select(r => r.Key));
    }

    [Fact]
    public async Task Unauthorized_WithoutKey_SaysWhereToEnterIt()
    {
        JSInterop.HoldingKey(null);
        var handler = new CapturingHandler(_ => CapturingHandler.Unauthorized());
        var api = new RunsApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://dashboard.test/") }, new OperatorKeyStore(JSInterop.JSRuntime));

        var error = await Assert.ThrowsAsync<ApiException>(() => api.StartPlayAsync(new StartPlayRequest()));

        Assert.Equal(401, error.Status);
        Assert.Contains("operator key is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("top bar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthorized_WithKey_SaysTheKeyWasRefused()
    {
        JSInterop.HoldingKey("wrong-key");
        var handler = new CapturingHandler(_ => CapturingHandler.Unauthorized());
        var api = new RunsApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://dashboard.test/") }, new OperatorKeyStore(JSInterop.JSRuntime));

        var error = await Assert.ThrowsAsync<ApiException>(() => api.PlayStepAsync(Guid.NewGuid(), new CodeAction { ActionType = ActionType.SUBMIT }));

        Assert.Contains("refused the stored operator key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", error.Message, StringComparison.Ordinal);
    }

    private RunsApiClient CreateClient() =>
        new(new HttpClient(_handler) { BaseAddress = new Uri("http://dashboard.test/") }, new OperatorKeyStore(JSInterop.JSRuntime));

    private static HttpResponseMessage Answer(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get
            ? CapturingHandler.Json(HttpStatusCode.OK, "[]")
            : request.RequestUri!.AbsolutePath == "/api/runs"
                ? CapturingHandler.Json(HttpStatusCode.Accepted, $$"""{"runId":"{{Guid.Empty}}","url":"/api/runs/{{Guid.Empty}}"}""")
                : new HttpResponseMessage(HttpStatusCode.Accepted);
}
