using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Core.Sandbox;
using TraceFix.Server.OpenEnv.Sessions;
using static TraceFix.Server.Tests.OpenEnv.WebSocketEpisodeTests;

namespace TraceFix.Server.Tests.OpenEnv;

public sealed class SessionTests
{
    private const string Task = "binary_search_off_by_one";

    [Fact]
    public async Task ConcurrentSessions_DoNotSeeEachOthersCode()
    {
        await using var server = new EnvironmentServer();
        const int count = 12;

        var views = await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await using var ws = await server.ConnectAsync();
            await ws.ResetAsync(new { task_name = Task });
            await ws.StepAsync(Actions.Replace(1, 1, $"# session {i}"));
            for (var k = 0; k < 5; k++)
            {
                await ws.StepAsync(Actions.Of(k % 2 == 0 ? "VIEW_CODE" : "RUN_TESTS"));
            }
            var view = await ws.StepAsync(Actions.Of("VIEW_CODE"));
            return (i, code: view["data"]!["observation"]!["code_dict"]!.AsObject());
        }));

        foreach (var (i, code) in views)
        {
            var markers = code.Select(line => (string?)line.Value).Where(text => text!.StartsWith("# session")).ToList();
            Assert.Equal([$"# session {i}"], markers);
        }
        await Eventually.TrueAsync(() => server.Sessions.ActiveSessions == 0);
    }

    [Fact]
    public async Task CapacityLimit_RefusesTheNextSession_UntilOneCloses()
    {
        await using var server = new EnvironmentServer(maxSessions: 2);
        await using var first = await server.ConnectAsync();
        await using var second = await server.ConnectAsync();
        await first.ResetAsync();
        await second.ResetAsync();

        await using var third = await server.ConnectAsync();
        var error = ErrorData(await third.ReceiveAsync());
        Assert.Equal("CAPACITY_REACHED", (string?)error["code"]);
        Assert.Equal(2, (int)error["active_sessions"]!);
        Assert.Equal(2, (int)error["max_sessions"]!);
        Assert.Equal((WebSocketCloseStatus)1013, await third.ReceiveCloseAsync());

        using var http = server.CreateHttpClient();
        var refused = await http.PostAsync("/sessions", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("CAPACITY_REACHED", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["code"]);
        var shared = await http.PostAsync("/reset", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, shared.StatusCode);

        await first.DisposeAsync();
        await Eventually.TrueAsync(() => server.Sessions.ActiveSessions == 1);
        await using var fourth = await server.ConnectAsync();
        Assert.Equal("observation", (string?)(await fourth.ResetAsync())["type"]);
        Assert.Equal("observation", (string?)(await second.StepAsync(Actions.Of("VIEW_CODE")))["type"]);
    }

    [Fact]
    public async Task ClientThatDisconnectsMidStep_LeavesNoSessionBehind()
    {
        GatedTestRunner? gate = null;
        await using var server = new EnvironmentServer(services: s => s.AddSingleton<ITestRunner>(_ =>
            gate = new GatedTestRunner(new SandboxTestRunner(new SandboxOptions { PoolSize = 1 }))));
        var ws = await server.ConnectAsync();
        await ws.ResetAsync(new { task_name = Task });
        gate!.Arm();

        await ws.SendAsync(new { type = "step", data = Actions.Of("RUN_TESTS") });
        await gate.Started.WaitAsync(TimeSpan.FromSeconds(30));
        ws.Socket.Abort();
        gate.Release();

        await Eventually.TrueAsync(() => server.Sessions.ActiveSessions == 0, "the aborted session was not cleaned up");
        await using var next = await server.ConnectAsync();
        await next.ResetAsync(new { task_name = Task });
        var run = await next.StepAsync(Actions.Of("RUN_TESTS"));
        Assert.Contains("Tests Passed:", (string)run["data"]!["observation"]!["last_execution_output"]!);
        await ws.DisposeAsync();
    }

    [Fact]
    public async Task FailingEnvironmentFactory_IsAFactoryError_OverWebSocketAndHttp()
    {
        await using var server = new EnvironmentServer(services: s => s.AddSingleton<IEnvironmentSessionFactory>(new BrokenFactory()));
        await using var ws = await server.ConnectAsync();

        var error = ErrorData(await ws.ReceiveAsync());

        Assert.Equal("FACTORY_ERROR", (string?)error["code"]);
        Assert.Contains("no environment today", (string?)error["message"]);
        Assert.Equal(WebSocketCloseStatus.InternalServerError, await ws.ReceiveCloseAsync());
        using var http = server.CreateHttpClient();
        var refused = await http.PostAsync("/reset", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("FACTORY_ERROR", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["code"]);
        Assert.Equal(0, server.Sessions.ActiveSessions);
    }

    private sealed class BrokenFactory : IEnvironmentSessionFactory
    {
        public Core.Episodes.IEnvironmentSession Create() => throw new InvalidOperationException("no environment today");
    }

    [Fact]
    public async Task IdleSessions_AreReaped_WebSocketGetsASessionError()
    {
        await using var server = new EnvironmentServer(idleTimeout: TimeSpan.FromMilliseconds(300));
        await using var ws = await server.ConnectAsync();
        await ws.ResetAsync();
        using var http = server.CreateHttpClient();
        var opened = JsonNode.Parse(await (await http.PostAsync("/sessions", null)).Content.ReadAsStringAsync())!;
        var httpSession = (string)opened["session_id"]!;

        var error = ErrorData(await ws.ReceiveAsync());

        Assert.Equal("SESSION_ERROR", (string?)error["code"]);
        Assert.Contains("expired", (string?)error["message"]);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await ws.ReceiveCloseAsync());
        await Eventually.TrueAsync(() => server.Sessions.Find(httpSession) is null);
        var gone = await http.GetAsync($"/state?session_id={httpSession}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
