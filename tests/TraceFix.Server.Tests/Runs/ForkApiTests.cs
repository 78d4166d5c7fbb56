using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Tests.Runs;

/// <summary><c>POST /api/runs</c> with <c>forkFrom</c>: the fork's episode resumes from a stored step and links to its parent.</summary>
public sealed class ForkApiTests
{
    private const string Task = "binary_search_off_by_one";
    private const string Fix = "while low <= high:";

    [Fact]
    public async Task OfflineFork_StartsFromTheStepsCode_AndLinksToItsParent()
    {
        await using var app = new TraceFixApp();
        var http = app.CreateClient();
        var (parentId, _) = await PlayAsync(http, 10, Replace(1, 1, "def binary_search(items, target):  # forked here"), Of("RUN_TESTS"));
        var parentStep = (await http.DetailAsync(parentId)).Episodes[0].Steps[0];

        var forkId = await http.StartAsync(new StartRunRequest("offline", ForkFrom: new ForkPoint(parentId, parentStep.Sequence)));
        var fork = await http.WaitForEndAsync(forkId);
        var listed = (await http.GetFromJsonAsync("/api/runs", RunsJsonContext.Default.PagedResultRunSummary))!.Items.Single(r => r.Id == forkId);

        Assert.Equal(new ForkOrigin(parentId, parentStep.Sequence, 0, 1), fork.Run.ForkedFrom);
        Assert.Equal(fork.Run.ForkedFrom, listed.ForkedFrom);
        Assert.Null((await http.DetailAsync(parentId)).Run.ForkedFrom);
        Assert.Equal(RunStatus.Completed, fork.Run.Status);
        Assert.Equal(Task, fork.Run.PlannedTasks);
        Assert.Equal(10, fork.Run.MaxSteps);
        var episode = Assert.Single(fork.Episodes);
        Assert.Equal(parentStep.CodeSnapshot, episode.OriginalCode);
        Assert.StartsWith("def binary_search(items, target):  # forked here\n", episode.OriginalCode);
        Assert.Equal(1, episode.Steps[0].Index);
        Assert.True(episode.Steps.Count <= 9, "the fork has the parent's budget less the step it started after");
        Assert.Equal(episode.Steps.Select((_, i) => (long)i + 1), episode.Steps.Select(s => s.Sequence));
        Assert.True(episode.Success, "the offline agent repairs the forked code");
        Assert.StartsWith("def binary_search(items, target):  # forked here\n", episode.Steps[^1].CodeSnapshot);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ReplayFork_UndoesBackThroughTheParentsEdits(string provider)
    {
        await using var app = await TraceFixApp.ForAsync(provider);
        var http = app.CreateClient();
        var (parentId, original) = await PlayAsync(http, 10, Replace(9, 9, Fix), Replace(17, 17, "return -2"));
        var parent = (await http.DetailAsync(parentId)).Episodes[0].Steps;
        var (undoesId, _) = await PlayAsync(http, 10, Of("UNDO_EDIT"), Of("UNDO_EDIT"), Of("VIEW_CODE"), Of("UNDO_EDIT"));

        var forkId = await http.StartAsync(new StartRunRequest("replay", ReplaySourceRunId: undoesId, ForkFrom: new ForkPoint(parentId, 2)));
        var steps = (await http.WaitForEndAsync(forkId)).Episodes[0].Steps;

        Assert.Equal([1, 2, 3, 4], steps.Select(s => s.Index));
        Assert.Equal(parent[0].CodeSnapshot, steps[0].CodeSnapshot);
        Assert.Contains(Fix, steps[0].CodeSnapshot);
        Assert.Equal(original, steps[1].CodeSnapshot);
        Assert.Null(steps[1].Error);
        Assert.Contains("Nothing to undo", steps[3].Error);
        Assert.Equal(Math.Round(parent[1].CumulativeReward + steps[0].Reward, 4), steps[0].CumulativeReward);

        // A fork of the fork inherits the history the fork itself inherited: one edit is left to undo after its step 1.
        var grandchildId = await http.StartAsync(new StartRunRequest("replay", ReplaySourceRunId: undoesId, ForkFrom: new ForkPoint(forkId, 1)));
        var grandchild = await http.WaitForEndAsync(grandchildId);
        Assert.Equal(new ForkOrigin(forkId, 1, 0, 1), grandchild.Run.ForkedFrom);
        Assert.Equal(original, grandchild.Episodes[0].Steps[0].CodeSnapshot);
        Assert.Contains("Nothing to undo", grandchild.Episodes[0].Steps[1].Error);
    }

    [Fact]
    public async Task Fork_OfAMissingRunOrStep_Is404_AndStoresNothing()
    {
        await using var app = new TraceFixApp();
        var http = app.CreateClient();
        var (parentId, _) = await PlayAsync(http, 10, Of("VIEW_CODE"));

        foreach (var point in new[] { new ForkPoint(Guid.NewGuid(), 1), new ForkPoint(parentId, 2) })
        {
            var response = await http.PostAsJsonAsync("/api/runs", new StartRunRequest("offline", ForkFrom: point), RunsJsonContext.Default.StartRunRequest);
            var problem = await ApiValidationTests.ReadProblemAsync(response, HttpStatusCode.NotFound);
            Assert.Contains(point.RunId == parentId ? "has no step with sequence 2" : "does not exist", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(1, await CountRunsAsync(http));
    }

    [Theory]
    [InlineData("""{"agent":"offline","forkFrom":{"runId":"{parent}","sequence":0}}""", "sequence must be 1 or more")]
    [InlineData("""{"agent":"offline","tasks":["task1_easy"],"forkFrom":{"runId":"{parent}","sequence":1}}""", "give no tasks or difficulty")]
    [InlineData("""{"agent":"offline","difficulty":"easy","forkFrom":{"runId":"{parent}","sequence":1}}""", "give no tasks or difficulty")]
    [InlineData("""{"agent":"offline","forkFrom":{"runId":"{parent}","sequence":2}}""", "at the step limit 2")]
    [InlineData("""{"agent":"offline","maxSteps":2,"forkFrom":{"runId":"{parent}","sequence":2}}""", "at the step limit 2")]
    [InlineData("""{"agent":"offline","forkFrom":{"runId":"not-a-guid","sequence":1}}""", "")]
    [InlineData("""{"agent":"offline","forkFrom":{"runId":"{parent}","sequence":1,"code":"x"}}""", "")]
    public async Task Fork_BadInput_Is400ProblemNamingForkFrom_AndStoresNothing(string body, string message)
    {
        await using var app = new TraceFixApp();
        var http = app.CreateClient();
        var (parentId, _) = await PlayAsync(http, 2, Of("VIEW_CODE"), Of("VIEW_CODE"));

        var response = await http.PostAsync("/api/runs",
            new StringContent(body.Replace("{parent}", parentId.ToString()), Encoding.UTF8, "application/json"));

        var problem = await ApiValidationTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(message, problem.ToString());
        Assert.Contains("forkFrom", problem.GetProperty("errors").ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await CountRunsAsync(http));
    }

    /// <summary>Plays the actions by hand (manual play) and closes the session; returns the run and the task's original code.</summary>
    private static async Task<(Guid RunId, string Original)> PlayAsync(HttpClient http, int maxSteps, params string[] actions)
    {
        var start = await http.PostAsync("/api/play",
            new StringContent($$"""{"task":"{{Task}}","maxSteps":{{maxSteps}}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var session = (await start.Content.ReadFromJsonAsync(RunsJsonContext.Default.PlaySession))!;
        foreach (var action in actions)
        {
            var step = await http.PostAsync($"/api/play/{session.SessionId}/step", new StringContent(action, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        }
        await http.DeleteAsync($"/api/play/{session.SessionId}");
        return (session.RunId, (await http.DetailAsync(session.RunId)).Episodes[0].OriginalCode);
    }

    private static string Of(string type) => $$"""{"thought":"by hand","action_type":"{{type}}"}""";

    private static string Replace(int start, int end, string block) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["thought"] = "by hand",
        ["action_type"] = nameof(ActionType.REPLACE_LINES),
        ["start_line"] = start,
        ["end_line"] = end,
        ["new_code_block"] = block,
    });

    private static async Task<int> CountRunsAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/runs")).GetProperty("items").GetArrayLength();
}
