using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace TraceFix.Server.Tests.Security;

/// <summary>The operator key over the real HTTP pipeline: who may change things, who may only watch, and that the key never leaks.</summary>
public sealed class AuthorizationTests
{
    internal const string Key = "op-key-TEST-4c1e9d7b2a";

    internal static readonly (string Method, string Path, string? Body)[] Protected =
    [
        ("POST", "/api/runs", """{"agent":"offline","tasks":["task1_easy"],"maxSteps":1}"""),
        ("POST", $"/api/runs/{Guid.Empty}/cancel", null),
        ("DELETE", $"/api/runs/{Guid.Empty}", null),
        ("POST", "/api/runs/import", "{}"),
        ("POST", "/api/play", "{}"),
        ("POST", $"/api/play/{Guid.Empty}/step", """{"thought":"","action_type":"VIEW_CODE"}"""),
        ("DELETE", $"/api/play/{Guid.Empty}", null),
        ("POST", "/reset", "{}"),
        ("POST", "/step", """{"action":{"thought":"","action_type":"VIEW_CODE"}}"""),
        ("GET", "/state", null),
        ("POST", "/sessions", null),
        ("DELETE", "/sessions/abc", null),
        ("GET", "/ws", null),
        ("PUT", "/api/tasks", "{}"),
        ("POST", "/STEP", "{}"),
    ];

    internal static readonly string[] Open = ["/health", "/metadata", "/schema", "/api/runs", "/api/tasks", "/api/leaderboard", "/health/ready"];

    internal static TraceFixApp Create(string? key = Key, int starts = 1000) => new(new Dictionary<string, string?>
    {
        ["TraceFix:Security:OperatorKey"] = key,
        ["TraceFix:Security:RunStartsPerWindow"] = starts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    internal static HttpRequestMessage Request(string method, string path, string? body, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        headers?.Invoke(request.Headers);
        return request;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData("op-key-TEST-4c1e9d7b2")]
    [InlineData("op-key-TEST-4c1e9d7b2a ")]
    [InlineData("OP-KEY-TEST-4C1E9D7B2A")]
    [InlineData("")]
    public async Task EveryProtectedRoute_WithoutTheRightKey_Answers401Problem(string? presented)
    {
        await using var app = Create();
        var http = app.CreateClient();
        foreach (var (method, path, body) in Protected)
        {
            var response = await http.SendAsync(Request(method, path, body, h =>
            {
                if (presented is not null)
                {
                    h.TryAddWithoutValidation(OperatorKeyHeader, presented);
                    h.TryAddWithoutValidation("Authorization", "Bearer " + presented);
                }
            }));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
        Assert.Equal(0, CountRows(app, "runs"));
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("header")]
    public async Task TheRightKey_InEitherHeader_IsAccepted(string how)
    {
        await using var app = Create();
        var http = app.CreateClient();
        Action<HttpRequestHeaders> withKey = how == "bearer"
            ? h => h.Authorization = new AuthenticationHeaderValue("Bearer", Key)
            : h => h.Add(OperatorKeyHeader, Key);
        foreach (var (method, path, body) in Protected)
        {
            if (path == "/ws")
            {
                continue;
            }
            var response = await http.SendAsync(Request(method, path, body, withKey));
            Assert.True(response.StatusCode != HttpStatusCode.Unauthorized, $"{method} {path} refused the key");
            Assert.True((int)response.StatusCode < 500, $"{method} {path} answered {response.StatusCode}");
        }
        Assert.Equal(2, CountRows(app, "runs")); // the started run and the manual play session
    }

    [Fact]
    public async Task ReadOnlyRoutes_AndTheHub_StayOpenToViewers()
    {
        await using var app = Create();
        var http = app.CreateClient();
        foreach (var path in Open)
        {
            var response = await http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {response.StatusCode}");
        }
        await using var hub = app.CreateHubConnection();
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeRuns");
        await hub.InvokeAsync("JoinRun", Guid.NewGuid());
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task WebSocket_NeedsTheKey()
    {
        await using var app = Create();
        var client = app.Server.CreateWebSocketClient();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(new Uri(app.Server.BaseAddress, "/ws"), CancellationToken.None));
        Assert.Contains("401", refused.Message);

        client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + Key;
        using var socket = await client.ConnectAsync(new Uri(app.Server.BaseAddress, "/ws"), CancellationToken.None);
        await socket.SendAsync("""{"type":"reset","data":{"task_name":"task1_easy"}}"""u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[256 * 1024];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.StartsWith("""{"type":"observation""", Encoding.UTF8.GetString(buffer, 0, received.Count));
    }

    [Fact]
    public async Task WithoutAConfiguredKey_TheServerIsOpen()
    {
        await using var app = Create(key: null);
        var http = app.CreateClient();
        var reset = await http.PostAsync("/reset", new StringContent("""{"task_name":"task1_easy"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var start = await http.SendAsync(Request("POST", "/api/runs", Protected[0].Body));
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
    }

    [Fact]
    public async Task TheKey_AndWrongGuesses_NeverReachTheLogs()
    {
        const string guess = "guess-XYZ-0193847";
        await using var app = Create();
        var http = app.CreateClient();
        await http.SendAsync(Request("POST", "/reset", "{}", h => h.Add(OperatorKeyHeader, guess)));
        await http.SendAsync(Request("POST", "/reset", "{}", h => h.Authorization = new AuthenticationHeaderValue("Bearer", Key)));
        await http.SendAsync(Request("GET", "/state", null, h => h.Add(OperatorKeyHeader, Key)));
        await app.DisposeAsyncKeepingFiles();

        SqliteConnection.ClearAllPools();
        Assert.NotEmpty(Directory.EnumerateFiles(app.LogDirectory));
        foreach (var file in Directory.EnumerateFiles(app.Directory, "*", SearchOption.AllDirectories))
        {
            var content = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
            Assert.False(content.Contains(Key, StringComparison.Ordinal), $"the key was written to {file}");
            Assert.False(content.Contains(guess, StringComparison.Ordinal), $"a presented key was written to {file}");
        }
    }

    private const string OperatorKeyHeader = "X-TraceFix-Key";

    internal static long CountRows(TraceFixApp app, string table)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
