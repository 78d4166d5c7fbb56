using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TraceFix.Server.Tests.OpenEnv;

/// <summary>Reset's <c>snapshot</c> extension over HTTP: resume from given code, step count and undo stack; bad snapshots change nothing.</summary>
public sealed class SnapshotResetWireTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Task = "binary_search_off_by_one";

    [Fact]
    public async Task SnapshotReset_ResumesThere_AndUndoReturnsToTheStackedVersion()
    {
        using var http = shared.Server.CreateHttpClient();
        var session = await OpenSessionAsync(http);

        var reset = await HttpEpisodeTests.PostAsync(http, $"/reset?session_id={session}", new
        {
            task_name = Task,
            snapshot = new { code = "x = 2\n", step_count = 7, undo_stack = new[] { "x = 1\n" }, cumulative_reward = 0.25 },
        });
        var undo = await HttpEpisodeTests.PostAsync(http, $"/step?session_id={session}", new { action = Actions.Of("UNDO_EDIT") });

        Assert.Equal("x = 2", (string?)reset["observation"]!["code_dict"]!["1"]);
        Assert.Equal(7, (int)reset["observation"]!["step_count"]!);
        Assert.Equal(43, (int)reset["observation"]!["steps_remaining"]!);
        Assert.Equal("x = 1", (string?)undo["observation"]!["code_dict"]!["1"]);
        Assert.Equal(8, (int)undo["observation"]!["step_count"]!);
        var schema = JsonNode.Parse(await http.GetStringAsync("/schema"))!;
        Assert.NotNull(schema["reset"]!["properties"]!["snapshot"]);
    }

    [Theory]
    [InlineData("""{"snapshot":{"code":"x = 1\n","step_count":3}}""", HttpStatusCode.BadRequest, "needs task_name")]
    [InlineData("""{"task_name":"binary_search_off_by_one","snapshot":{"code":"x = 1\n","step_count":50}}""", HttpStatusCode.BadRequest, "outside 0..49")]
    [InlineData("""{"task_name":"nope","snapshot":{"code":"x = 1\n","step_count":1}}""", HttpStatusCode.BadRequest, "Unknown task 'nope'")]
    [InlineData("""{"task_name":"binary_search_off_by_one","snapshot":{"code":"x = 1\n","step_count":"3"}}""", HttpStatusCode.UnprocessableEntity, "int_type")]
    [InlineData("""{"task_name":"binary_search_off_by_one","snapshot":{"step_count":3}}""", HttpStatusCode.UnprocessableEntity, "missing")]
    [InlineData("""{"task_name":"binary_search_off_by_one","snapshot":{"code":"x","step_count":1,"undo_stack":[1]}}""", HttpStatusCode.UnprocessableEntity, "string_type")]
    [InlineData("""{"task_name":"binary_search_off_by_one","snapshot":{"code":"x","step_count":1,"history":[]}}""", HttpStatusCode.UnprocessableEntity, "extra_forbidden")]
    [InlineData("""{"task_name":"binary_search_off_by_one","snapshot":"x = 1"}""", HttpStatusCode.UnprocessableEntity, "dict_type")]
    public async Task BadSnapshot_IsRefused_AndTheEpisodeInProgressIsUnchanged(string body, HttpStatusCode status, string message)
    {
        using var http = shared.Server.CreateHttpClient();
        var session = await OpenSessionAsync(http);
        await HttpEpisodeTests.PostAsync(http, $"/reset?session_id={session}", new { task_name = "sum_even_wrong_condition" });
        await HttpEpisodeTests.PostAsync(http, $"/step?session_id={session}", new { action = Actions.Of("VIEW_CODE") });

        using var response = await http.PostAsync($"/reset?session_id={session}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        var state = JsonNode.Parse(await http.GetStringAsync($"/state?session_id={session}"))!;
        Assert.Equal("sum_even_wrong_condition", (string?)state["task_name"]);
        Assert.Equal(1, (int)state["step_count"]!);
    }

    private static async Task<string> OpenSessionAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/sessions", null);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["session_id"]!;
    }
}
