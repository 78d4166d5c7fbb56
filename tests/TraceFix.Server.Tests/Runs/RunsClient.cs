using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Tests.Runs;

/// <summary>The calls the tests make, with the dashboard's own DTOs and JSON metadata.</summary>
internal static class RunsClient
{
    public static async Task<Guid> StartAsync(this HttpClient http, StartRunRequest request)
    {
        var response = await http.PostAsJsonAsync("/api/runs", request, RunsJsonContext.Default.StartRunRequest);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync(RunsJsonContext.Default.RunAccepted);
        Assert.Equal($"/api/runs/{accepted!.RunId}", accepted.Url);
        Assert.Equal(accepted.Url, response.Headers.Location?.OriginalString);
        return accepted.RunId;
    }

    public static async Task<RunDetail> DetailAsync(this HttpClient http, Guid runId) =>
        (await http.GetFromJsonAsync($"/api/runs/{runId}", RunsJsonContext.Default.RunDetail))!;

    public static async Task<RunDetail> WaitForEndAsync(this HttpClient http, Guid runId, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var detail = await http.DetailAsync(runId);
            if (detail.Run.Status.IsTerminal())
            {
                return detail;
            }
            await Task.Delay(50, limit.Token);
        }
    }

    public static async Task WaitForStepsAsync(this HttpClient http, Guid runId, int count, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while ((await http.DetailAsync(runId)).Run.LastSequence < count)
        {
            await Task.Delay(30, limit.Token);
        }
    }

    /// <summary>Reads the WatchRun stream until it completes (the run ended) or <paramref name="take"/> items arrived.</summary>
    public static async Task<List<StepRecorded>> WatchAsync(this HubConnection hub, Guid runId, long after, int take = int.MaxValue,
        TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        var received = new List<StepRecorded>();
        if (take == 0)
        {
            return received;
        }
        await foreach (var item in hub.StreamAsync<StepRecorded>(RunsHubMethods.WatchRun, runId, after, limit.Token))
        {
            received.Add(item);
            if (received.Count >= take)
            {
                break;
            }
        }
        return received;
    }
}
