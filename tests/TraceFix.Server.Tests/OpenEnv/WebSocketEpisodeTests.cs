using System.Text.Json.Nodes;

namespace TraceFix.Server.Tests.OpenEnv;

public sealed class WebSocketEpisodeTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Task = "binary_search_off_by_one";

    [Fact]
    public async Task FullEpisode_ResetViewFixTestSubmit_SolvesTheTask()
    {
        var server = shared.Server;
        await using var ws = await server.ConnectAsync();

        var reset = await ws.ResetAsync(new { task_name = Task, seed = 3, episode_id = "ep-1", unknown_key = 1 });
        Assert.Equal("observation", (string?)reset["type"]);
        var data = reset["data"]!.AsObject();
        Assert.Null(data["reward"]?.GetValue<double?>());
        Assert.False((bool)data["done"]!);
        var observation = data["observation"]!.AsObject();
        Assert.False(observation.ContainsKey("done"));
        Assert.False(observation.ContainsKey("reward"));
        Assert.Equal(TaskFiles.LineCount(Task), observation["code_dict"]!.AsObject().Count);
        Assert.Contains("def binary_search", (string)observation["code_dict"]!["1"]! + (string)observation["code_dict"]!["2"]!);
        Assert.Equal(Task, (string?)observation["info"]!["task_name"]);
        Assert.False((bool)observation["syntax_error"]!);

        var view = await ws.StepAsync(Actions.Of("VIEW_CODE"));
        Assert.Contains("=== Full Source ===", (string)view["data"]!["observation"]!["last_execution_output"]!);
        Assert.Equal(1, (int)view["data"]!["observation"]!["step_count"]!);
        Assert.Equal(-0.01, (double)view["data"]!["reward"]!, 6);

        var edit = await ws.StepAsync(TaskFiles.ReplaceWithFix(Task));
        Assert.Equal("observation", (string?)edit["type"]);

        var run = await ws.StepAsync(Actions.Of("RUN_TESTS"));
        Assert.Contains("SUCCESS: ALL TESTS PASSED", (string)run["data"]!["observation"]!["last_execution_output"]!);
        Assert.All(run["data"]!["observation"]!["test_results"]!.AsArray(), t => Assert.True((bool)t!["passed"]!));

        var submit = await ws.StepAsync(Actions.Of("SUBMIT"));
        var submitData = submit["data"]!.AsObject();
        Assert.True((bool)submitData["done"]!);
        Assert.Equal(0.98, (double)submitData["metadata"]!["final_score"]!, 6);
        Assert.Equal(0.98, (double)submitData["observation"]!["metadata"]!["final_score"]!, 6);

        var state = await ws.RequestAsync(new { type = "state" });
        Assert.Equal("state", (string?)state["type"]);
        Assert.Equal("ep-1", (string?)state["data"]!["episode_id"]);
        Assert.Equal(4, (int)state["data"]!["step_count"]!);
        Assert.True((bool)state["data"]!["done"]!);
    }

    [Fact]
    public async Task Reset_HonoursDifficultyAndSeed()
    {
        var server = shared.Server;
        await using var ws = await server.ConnectAsync();

        var first = await ws.ResetAsync(new { difficulty = "HARD", seed = 42 });
        var again = await ws.ResetAsync(new { difficulty = "hard", seed = 42 });

        Assert.Equal("hard", (string?)first["data"]!["observation"]!["info"]!["task_difficulty"]);
        Assert.Equal((string?)first["data"]!["observation"]!["info"]!["task_name"], (string?)again["data"]!["observation"]!["info"]!["task_name"]);
    }

    [Fact]
    public async Task Close_EndsTheSessionWithoutAReply()
    {
        await using var server = new EnvironmentServer();
        await using var ws = await server.ConnectAsync();
        await ws.ResetAsync();
        Assert.Equal(1, server.Sessions.ActiveSessions);

        await ws.SendAsync(new { type = "close" });

        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, await ws.ReceiveCloseAsync());
        await Eventually.TrueAsync(() => server.Sessions.ActiveSessions == 0);
    }

    [Fact]
    public async Task State_BeforeReset_ReturnsAnEmptyState()
    {
        var server = shared.Server;
        await using var ws = await server.ConnectAsync();

        var state = await ws.RequestAsync(new { type = "state" });

        Assert.Equal("state", (string?)state["type"]);
        Assert.Equal(0, (int)state["data"]!["step_count"]!);
        Assert.Null(state["data"]!["episode_id"]);
    }

    internal static JsonObject ErrorData(JsonObject frame)
    {
        Assert.Equal("error", (string?)frame["type"]);
        return frame["data"]!.AsObject();
    }
}
