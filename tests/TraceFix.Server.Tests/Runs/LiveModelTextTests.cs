using Microsoft.AspNetCore.SignalR.Client;
using TraceFix.Contracts.Runs;
using TraceFix.Testing.Fakes;

namespace TraceFix.Server.Tests.Runs;

/// <summary>While the model generates, its text reaches the run's viewers over the hub, then the stored step replaces it.</summary>
public sealed class LiveModelTextTests
{
    [Fact]
    public async Task LlmRun_StreamsTheModelsTextToViewers_StepByStep()
    {
        var viewerReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = ScriptedReply.Action("RUN_TESTS", "Observation: a long thought about what fails. Diagnosis: unknown. Plan: run.")
            with { HoldUntil = viewerReady.Task, StreamPieceLength = 3, StreamDelay = TimeSpan.FromMilliseconds(2) };
        var second = ScriptedReply.Action("SUBMIT");
        await using var chat = await FakeChatServer.StartAsync(first, second);
        await using var app = new TraceFixApp(new Dictionary<string, string?>
        {
            ["TraceFix:Agents:Llm:ApiKey"] = "sk-live-text",
            ["TraceFix:Agents:Llm:ApiBaseUrl"] = chat.ApiBaseUrl,
            ["TraceFix:Agents:Llm:Model"] = "fake-model",
            ["TraceFix:Agents:Llm:MaxRetries"] = "0",
        });
        var http = app.CreateClient();
        await using var hub = app.CreateHubConnection();
        var texts = new List<ModelTextStreamed>();
        hub.On<ModelTextStreamed>(RunsHubMethods.ModelTextStreamed, message => { lock (texts) { texts.Add(message); } });
        await hub.StartAsync();

        var runId = await http.StartAsync(new StartRunRequest("llm", Tasks: ["task1_easy"], MaxSteps: 4));
        await hub.InvokeAsync(RunsHubMethods.JoinRun, runId);
        viewerReady.SetResult();
        var detail = await http.WaitForEndAsync(runId);
        var episode = Assert.Single(detail.Episodes);

        await Eventually.TrueAsync(() => Shown(texts, 3) == second.Content, "the text of step 3 never arrived whole");
        Assert.Equal(first.Content, Shown(texts, 2));
        lock (texts)
        {
            Assert.All(texts, t => Assert.Equal((runId, episode.Id), (t.RunId, t.EpisodeId)));
            Assert.True(texts.First(t => t.Step == 2).Restart);
            Assert.DoesNotContain(texts, t => t.Step == 1);
        }
        Assert.Equal(["VIEW_CODE", "RUN_TESTS", "SUBMIT"], episode.Steps.Select(s => s.Action.Type.ToString()));
    }

    /// <summary>What a viewer shows for a step: the text after the last restart.</summary>
    private static string Shown(List<ModelTextStreamed> texts, int step)
    {
        lock (texts)
        {
            var forStep = texts.Where(t => t.Step == step).ToList();
            var start = forStep.FindLastIndex(t => t.Restart);
            return start < 0 ? "" : string.Concat(forStep.Skip(start).Select(t => t.Text));
        }
    }
}
