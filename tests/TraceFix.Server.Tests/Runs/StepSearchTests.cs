using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Tests.Runs;

/// <summary><c>GET /api/runs/{id}/steps?q=&amp;action=&amp;flips=</c> through the real host on a 10,000-step stored run.</summary>
public sealed class StepSearchTests : IAsyncLifetime
{
    private const int Length = 10_000;
    private readonly TraceFixApp _app = new();
    private HttpClient _http = null!;
    private Guid _run;

    public async Task InitializeAsync()
    {
        _http = _app.CreateClient();
        _run = await ImportLongRunAsync(_app.Services.GetRequiredService<RunStore>());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FreeText_FindsTheOneStepThatMentionsIt()
    {
        var found = await SearchAsync("q=NEEDLE");

        Assert.Equal([7777L], found.Select(s => s.Sequence));
    }

    [Fact]
    public async Task ActionAndRewardFilters_Combine()
    {
        var found = await SearchAsync("action=replace_lines&reward=positive&limit=10000");

        Assert.Equal(Length / 4, found.Count);
        Assert.All(found, s => Assert.Equal(ActionType.REPLACE_LINES, s.Action.Type));
    }

    [Fact]
    public async Task Flips_FindVerdictChangesAndPage()
    {
        // Tests run every 4th step; test_b flips each time: fail→pass on odd test runs, pass→fail on even ones.
        var up = await SearchAsync("flips=fail_to_pass&limit=3");
        var next = await SearchAsync($"flips=fail_to_pass&limit=3&after={up[^1].Sequence}");
        var down = await SearchAsync("flips=pass_to_fail&limit=2");

        Assert.Equal([12L, 20L, 28L], up.Select(s => s.Sequence));
        Assert.Equal([36L, 44L, 52L], next.Select(s => s.Sequence));
        Assert.Equal([8L, 16L], down.Select(s => s.Sequence));
    }

    [Theory]
    [InlineData("action=FLY", "action")]
    [InlineData("reward=huge", "reward")]
    [InlineData("flips=sideways", "flips")]
    [InlineData("limit=0", "limit")]
    public async Task BadFilters_Return400ProblemNamingTheField(string query, string field)
    {
        var response = await _http.GetAsync($"/api/runs/{_run}/steps?{query}");

        var problem = await ApiValidationTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task UnknownRun_Returns404()
    {
        var response = await _http.GetAsync($"/api/runs/{Guid.NewGuid()}/steps?q=x");

        await ApiValidationTests.ReadProblemAsync(response, HttpStatusCode.NotFound);
    }

    private async Task<List<StepDto>> SearchAsync(string query) =>
        (await _http.GetFromJsonAsync<List<StepDto>>($"/api/runs/{_run}/steps?{query}", JsonSerializerOptions.Web))!;

    private static Task<Guid> ImportLongRunAsync(RunStore store)
    {
        var steps = new List<StepDto>(Length);
        for (var i = 1; i <= Length; i++)
        {
            var type = (i % 4) switch { 0 => ActionType.RUN_TESTS, 1 => ActionType.VIEW_CODE, 2 => ActionType.REPLACE_LINES, _ => ActionType.UNDO_EDIT };
            var tests = type == ActionType.RUN_TESTS ? [new TestResult("test_a", true, null), new TestResult("test_b", i / 4 % 2 == 1, null)] : new List<TestResult>();
            steps.Add(new StepDto(i, 0, i, i == 7777 ? "found the needle here" : $"step {i}",
                new StepActionDto(type, type == ActionType.REPLACE_LINES ? 2 : null, type == ActionType.REPLACE_LINES ? 2 : null, null),
                type == ActionType.REPLACE_LINES ? 0.1 : -0.01, 0, i == Length, null, tests.Count(t => t.Passed), tests.Count, tests, false,
                "", "x = 1\n", 0, 1, 0, 0, DateTimeOffset.UnixEpoch));
        }
        var run = new RunSummary(Guid.Empty, RunStatus.Completed, AgentKinds.Offline, "m", "t", Length, 1, DateTimeOffset.UnixEpoch, null,
            DateTimeOffset.UnixEpoch, 1, 1, 0, null, 0, 0, null, null);
        var episode = new EpisodeDto(0, Guid.Empty, 0, "t", "easy", EpisodeStatus.Completed, false, 0.5, Length, [], null, "x = 0\n",
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);
        return store.ImportAsync(run, [(episode, steps)]);
    }
}
