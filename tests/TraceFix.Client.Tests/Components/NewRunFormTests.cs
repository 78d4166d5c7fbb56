using Bunit;
using TraceFix.Client.Forms;
using TraceFix.Client.Services;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Tests.Components;

public sealed class NewRunFormTests : DashboardContext
{
    [Fact]
    public void Submit_StartsTheRunAndReportsItsId()
    {
        var id = Guid.NewGuid();
        Api.OnStart = _ => Task.FromResult(new RunAccepted(id, $"/api/runs/{id}"));
        Guid? started = null;
        var cut = Render<NewRunForm>(p => p.Add(x => x.Tasks, Api.Tasks).Add(x => x.OnStarted, (Guid g) => started = g));

        cut.Find("#max-steps").Change("12");
        cut.Find("#tier").Change("medium");
        cut.Find("form").Submit();

        var request = Assert.Single(Api.Started);
        Assert.Equal(new StartRunRequest(AgentKinds.Offline, null, null, "medium", 12, null, null), request);
        Assert.Equal(id, started);
    }

    [Fact]
    public void Validation_ShowsMessagesAndDoesNotCallTheServer()
    {
        var cut = Render<NewRunForm>(p => p.Add(x => x.Tasks, Api.Tasks));

        cut.Find("#max-steps").Change("500");
        cut.Find("#agent").Change(AgentKinds.Llm);
        cut.FindAll("input[type=radio]")[1].Change(NewRunModel.ByTasks);
        cut.Find("form").Submit();

        Assert.Equal(["The step budget must be between 1 and 50."], cut.FindAll(".validation-message").Select(m => m.TextContent));

        // Rules that span fields run once every field is valid on its own.
        cut.Find("#max-steps").Change("10");
        cut.Find("form").Submit();
        var messages = cut.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Contains("Name the model the LLM agent should call.", messages);
        Assert.Contains("Pick at least one task, or choose a tier.", messages);
        Assert.Empty(Api.Started);
    }

    [Fact]
    public void ServerProblem_IsShownNextToTheField()
    {
        Api.OnStart = _ => throw new ApiException("One or more validation errors occurred.", 400,
            new Dictionary<string, string[]> { ["tasks"] = ["Unknown task 'nope'. Known: sum_even_wrong_condition."] });
        var cut = Render<NewRunForm>(p => p.Add(x => x.Tasks, Api.Tasks));

        cut.Find("form").Submit();

        Assert.Equal("One or more validation errors occurred.", cut.Find(".error-box").TextContent);
        Assert.Contains("Unknown task 'nope'", cut.Find(".validation-message").TextContent);
    }
}
