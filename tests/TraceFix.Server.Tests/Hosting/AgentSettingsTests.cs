using Microsoft.Extensions.DependencyInjection;
using TraceFix.Server.Store;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents.Llm;
using TraceFix.Core.Agents.Offline;
using TraceFix.Server.Runs;

namespace TraceFix.Server.Tests.Hosting;

/// <summary>The agents the server builds use their bound sections, not defaults.</summary>
public sealed class AgentSettingsTests
{
    [Fact]
    public async Task TheOfflineAgent_RunsWithTraceFixAgentsOffline()
    {
        await using var app = new TraceFixApp(new Dictionary<string, string?>
        {
            ["TraceFix:Agents:Offline:ChecksPerStep"] = "7",
            ["TraceFix:Agents:Offline:StepComputeLimit"] = "00:00:03",
        });
        var registration = app.Services.GetServices<RunAgentRegistration>().Single(r => r.Kind == AgentKinds.Offline);

        var agent = await registration.Create(app.Services, new RunPlan(Guid.NewGuid(), AgentKinds.Offline, "m", ["task1_easy"], 5, 1, null), default);

        var options = Assert.IsType<OfflineRepairAgent>(agent).Options;
        Assert.Equal(7, options.ChecksPerStep);
        Assert.Equal(TimeSpan.FromSeconds(3), options.StepComputeLimit);
    }

    [Fact]
    public async Task TheLlmAgent_TakesItsModelFromTraceFixAgentsLlm()
    {
        await using var app = new TraceFixApp(new Dictionary<string, string?>
        {
            ["TraceFix:Agents:Llm:Model"] = "section-model",
            ["TraceFix:Agents:Llm:ApiBaseUrl"] = "http://127.0.0.1:9/v1",
        });
        var registration = app.Services.GetServices<RunAgentRegistration>().Single(r => r.Kind == AgentKinds.Llm);

        Assert.Equal("section-model", registration.ModelFor(app.Services, null));
        Assert.Null(registration.Unavailable?.Invoke(app.Services));
    }

    [Fact]
    public void TheSeedVariables_BecomeSettingsOfTheSection()
    {
        var variables = new Dictionary<string, string?> { ["API_BASE_URL"] = "http://x/v1", ["MODEL_NAME"] = "", ["API_KEY"] = "k" };

        var settings = LlmAgentOptions.SeedSettings(name => variables.GetValueOrDefault(name)).ToDictionary();

        Assert.Equal(new Dictionary<string, string?> { ["ApiBaseUrl"] = "http://x/v1", ["ApiKey"] = "k" }, settings);
    }
}
