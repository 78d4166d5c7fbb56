using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Runs.Transfer;

namespace TraceFix.Server.Tests.Runs;

public sealed class StreamingExportTests
{
    private const int StepsPerEpisode = 1500;

    [Fact]
    public async Task Export_OfALongRun_StartsBeforeTheStoreIsReadToTheEnd()
    {
        var contexts = new ContextCounter();
        // Slow background polls, so that every store read during the export is the export's own.
        await using var app = new TraceFixApp(
            new Dictionary<string, string?> { ["TraceFix:Runs:PollMilliseconds"] = "60000", ["TraceFix:Runs:LeaseSeconds"] = "300" },
            services => services.Decorate(contexts));
        var http = app.CreateClient();
        var file = SyntheticRun(episodes: 2, StepsPerEpisode);
        var imported = await http.PostAsync("/api/runs/import", new StringContent(file, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var runId = (await imported.Content.ReadFromJsonAsync(RunsJsonContext.Default.RunAccepted))!.RunId;

        var before = contexts.Count;
        using var response = await http.GetAsync($"/api/runs/{runId}/export", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync();
        var readsAtFirstLine = contexts.Count - before;
        var lines = 1;
        while (await reader.ReadLineAsync() is { } line)
        {
            lines += line.Length > 0 ? 1 : 0;
        }
        var readsAtEnd = contexts.Count - before;

        Assert.Contains("\"kind\":\"run\"", first);
        Assert.Equal(1 + 2 + 2 * StepsPerEpisode, lines);
        // The steps come from the store a page at a time, and the client had the first line before the last page was read.
        var pages = 2 * (StepsPerEpisode / RunExporter.StepPageSize + 1);
        Assert.True(readsAtEnd >= pages, $"expected at least {pages} store reads, saw {readsAtEnd}");
        Assert.True(readsAtFirstLine < readsAtEnd, $"all {readsAtEnd} store reads happened before the response started");
    }

    [Fact]
    public async Task Export_OfAnUnknownRun_Is404ProblemJson()
    {
        await using var app = new TraceFixApp();
        var response = await app.CreateClient().GetAsync($"/api/runs/{Guid.NewGuid()}/export");
        await ApiValidationTests.ReadProblemAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>A valid export file of a finished run with <paramref name="episodes"/> episodes of <paramref name="steps"/> steps.</summary>
    internal static string SyntheticRun(int episodes, int steps)
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var run = new RunSummary(Guid.NewGuid(), RunStatus.Completed, "offline", "synthetic", "synthetic", steps, 0, at, at, at,
            episodes, episodes, 0, 0, 0, episodes * steps, null, null);
        var lines = new StringBuilder();
        void Add(RunExportRecord record) => lines.Append(JsonSerializer.Serialize(record, RunsJsonContext.Default.RunExportRecord)).Append('\n');
        Add(new RunExportRecord(RunExportRecord.RunKind, Run: run) { Version = RunExportRecord.Format });
        var sequence = 0L;
        for (var e = 0; e < episodes; e++)
        {
            Add(new RunExportRecord(RunExportRecord.EpisodeKind, Episode: new EpisodeDto(e + 1, run.Id, e, "task1_easy", "easy",
                EpisodeStatus.Completed, false, 0, steps, [], "budget", "def f():\n    return 1\n", at, at, [])));
            for (var s = 1; s <= steps; s++)
            {
                Add(new RunExportRecord(RunExportRecord.StepKind, Step: new StepDto(++sequence, e + 1, s, $"thought {s}",
                    new StepActionDto(ActionType.RUN_TESTS, null, null, null), 0, 0, false, null, 1, 2,
                    [new TestResult("test_one", true, null), new TestResult("test_two", false, "assert 1 == 2")], false,
                    $"output of step {s}", "def f():\n    return 1\n", 1, 2, 0, 0, at)));
            }
        }
        return lines.ToString();
    }
}
