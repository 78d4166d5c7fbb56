using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Tests.Runs;

public sealed class PlayReaperTests
{
    [Fact]
    public async Task IdlePlaySession_IsClosedByTheReaper_WithoutAnyNewStart()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new TraceFixApp(
            new Dictionary<string, string?> { ["TraceFix:Runs:PlayIdleMinutes"] = "1", ["TraceFix:Runs:PlayReapSeconds"] = "10" },
            services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            });
        var http = app.CreateClient();
        var start = await http.PostAsJsonAsync("/api/play", new StartPlayRequest(Task: "task1_easy"), RunsJsonContext.Default.StartPlayRequest);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var session = (await start.Content.ReadFromJsonAsync(RunsJsonContext.Default.PlaySession))!;

        // Half the idle time: the reaper ticks but leaves the session open, and a step keeps it alive.
        clock.Advance(TimeSpan.FromSeconds(30));
        var step = await http.PostAsJsonAsync($"/api/play/{session.SessionId}/step", CodeAction.Of(ActionType.VIEW_CODE, "look"),
            RunsJsonContext.Default.CodeAction);
        Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(RunStatus.Running, (await http.DetailAsync(session.RunId)).Run.Status);

        // Past the idle time since the last step: the next tick closes it.
        clock.Advance(TimeSpan.FromSeconds(20));
        await Eventually.TrueAsync(async () => (await http.DetailAsync(session.RunId)).Run.Status == RunStatus.Cancelled,
            "the idle session's run was not cancelled");
        var run = (await http.DetailAsync(session.RunId)).Run;
        Assert.Contains("idle", run.Error);
        var after = await http.PostAsJsonAsync($"/api/play/{session.SessionId}/step", CodeAction.Of(ActionType.VIEW_CODE, "again"),
            RunsJsonContext.Default.CodeAction);
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
    }
}
