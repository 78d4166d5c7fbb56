using Bunit;
using TraceFix.Client.Components;
using TraceFix.Client.Model;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Tests.Components;

public sealed class ModelTabTests : DashboardContext
{
    private static StepView Step(long sequence) => StepView.From(Dtos.Step(sequence, (int)sequence, ActionType.RUN_TESTS, 0.1));

    [Fact]
    public void ModelTab_ShowsTheMessagesSentTheRawAnswerAndTheRecovery()
    {
        Api.Exchanges[2] = new ModelExchange(2, "fake-model", true, 0,
            [new ExchangeMessage("system", "You debug Python."), new ExchangeMessage("user", "Tests Passed: 1/3")],
            [
                new ModelCall("structured", "not json", null, "stop", 120, 9, 310, 2, "no JSON object found"),
                new ModelCall("plain", "{\"action_type\":\"RUN_TESTS\"}", null, "length", 130, 11, 200, 1, null),
            ],
            "no JSON object found", "RUN_TESTS in place of the unusable answer");
        var cut = Render<StepPanel>(p => p.Add(x => x.RunId, Guid.NewGuid()).Add(x => x.Step, Step(2)));
        Assert.Empty(cut.FindAll(".model-exchange"));

        cut.Find("#tab-model").Click();

        Assert.Equal(["system", "user"], cut.FindAll(".model-exchange .message summary").Select(s => s.TextContent));
        Assert.Equal(["not json", "{\"action_type\":\"RUN_TESTS\"}"], cut.FindAll(".raw-response").Select(p => p.TextContent));
        Assert.Contains("250 + 20 tok", cut.Find(".exchange-summary").TextContent);
        Assert.Contains("2 attempts", cut.Find(".model-call").TextContent);
        Assert.Contains("Recovered: RUN_TESTS", cut.Find(".model-exchange [role=alert]").TextContent);
    }

    [Fact]
    public void ModelTab_ForAStepWithoutAModel_SaysSo()
    {
        var cut = Render<StepPanel>(p => p.Add(x => x.RunId, Guid.NewGuid()).Add(x => x.Step, Step(3)));

        cut.Find("#tab-model").Click();

        Assert.Contains("did not call a model", cut.Find(".model-exchange").TextContent);
    }
}
