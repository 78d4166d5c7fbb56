using System.Net.Http.Json;
using TraceFix.Contracts.Runs;
using TraceFix.Testing.Fakes;
using static Microsoft.Playwright.Assertions;

namespace TraceFix.E2E.Tests;

/// <summary>An LLM run against the fake chat server, which streams its reply slowly: the page shows the text as it comes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveModelTextTests(BrowserFixture fixture)
{
    [Fact]
    public async Task LlmRun_TheModelsTextAppearsWhileItWrites_ThenTheStoredStepTakesItsPlace()
    {
        var watching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thought = "Observation: the run shows which tests fail and with what values. Diagnosis: not known yet. Plan: run the tests.";
        await using var chat = await FakeChatServer.StartAsync(
            ScriptedReply.Action("RUN_TESTS", thought) with { HoldUntil = watching.Task, StreamPieceLength = 2, StreamDelay = TimeSpan.FromMilliseconds(40) },
            ScriptedReply.Action("SUBMIT"));
        using var server = new DashboardServer(settings: new Dictionary<string, string?>
        {
            ["TraceFix:Agents:Llm:ApiKey"] = "sk-e2e-live-text",
            ["TraceFix:Agents:Llm:ApiBaseUrl"] = chat.ApiBaseUrl,
            ["TraceFix:Agents:Llm:Model"] = "fake-streaming-model",
            ["TraceFix:Agents:Llm:MaxRetries"] = "0",
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var started = await http.PostAsJsonAsync("/api/runs", new StartRunRequest(AgentKinds.Llm, Tasks: [Trajectories.Task], MaxSteps: 5));
        var runId = (await started.Content.ReadFromJsonAsync<RunAccepted>())!.RunId;

        var (page, errors) = await fixture.NewPageAsync();
        await page.OpenAsync(new Uri(server.BaseAddress, $"/runs/{runId}").ToString());
        await Expect(page.Locator(".step-row").First).ToBeVisibleAsync(new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });
        watching.SetResult();

        var live = page.Locator(".live-text-body");
        await Expect(live).ToContainTextAsync("Observation: the run", new() { Timeout = 30_000 });
        await Expect(page.Locator(".live-text-head")).ToContainTextAsync("step 2");
        await Screenshots.TakeAsync(page, "11-live-model-text");
        await Expect(page.Locator(".run-head .badge.status-completed")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator(".live-text")).ToHaveCountAsync(0);
        await Expect(page.Locator(".step-row")).ToHaveCountAsync(3);

        // The stored step's exchange with the model, on its Model tab.
        await page.Locator(".step-row[data-step='2']").ClickAsync();
        await page.Locator("#tab-model").ClickAsync();
        await Expect(page.Locator(".model-exchange .exchange-summary")).ToContainTextAsync("fake-streaming-model");
        await Expect(page.Locator(".model-exchange")).ToContainTextAsync("Observation: the run shows which tests fail");
        await Expect(page.Locator(".model-exchange")).Not.ToContainTextAsync("sk-e2e-live-text");
        await Screenshots.TakeAsync(page, "14-model-tab");
        Assert.Empty(errors);
    }
}
