using Bunit;
using TraceFix.Client.Analysis;
using TraceFix.Client.Components;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Client.Tests.Components;

public sealed class CompareTableTests : DashboardContext
{
    [Fact]
    public void Renders_AlignedRowsWithTheDivergenceMarkedOnce()
    {
        var left = new[] { Steps.Make(1), Steps.Run(2), Steps.Replace(3, 4, "a"), Steps.Make(4, ActionType.SUBMIT) };
        var right = new[] { Steps.Make(1), Steps.Run(2), Steps.Make(3, ActionType.UNDO_EDIT), Steps.Replace(4, 4, "a"), Steps.Make(5, ActionType.SUBMIT) };
        var selected = -1;

        var cut = Render<CompareTable>(p => p.Add(x => x.Alignment, StepAligner.Align(left, right)).Add(x => x.OnSelect, (int r) => selected = r));

        var rows = cut.FindAll("tbody tr[data-row]");
        Assert.Equal(5, rows.Count);
        Assert.Single(cut.FindAll("tr.divergence-marker"));
        var marker = cut.Find("tr.divergence-marker");
        Assert.Equal("2", marker.NextElementSibling!.GetAttribute("data-row"));
        Assert.Contains("gap", rows[2].ClassName);
        Assert.Equal("≠", rows[2].QuerySelector(".rel")!.TextContent);
        Assert.Equal("=", rows[3].QuerySelector(".rel")!.TextContent);

        rows[3].Click();
        Assert.Equal(3, selected);
    }
}
