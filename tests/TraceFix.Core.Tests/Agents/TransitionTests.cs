using TraceFix.Core.Agents.Offline;
using TraceFix.Core.Episodes;

namespace TraceFix.Core.Tests.Agents;

/// <summary>Plans are checked by applying them with the engine's own REPLACE_LINES editor (auto-indent included).</summary>
public sealed class TransitionTests
{
    private static readonly string[] Code =
    [
        "def f(items):",
        "    total = 0",
        "    for x in items:",
        "        if x % 2:",
        "            continue",
        "    return total",
    ];

    public static TheoryData<string[]> Targets => new()
    {
        { [.. Code[..5], "        total += x", Code[5]] },
        { [Code[0], Code[1], Code[2], "        if x % 2 == 0:", .. Code[4..]] },
        { [Code[0], Code[1], Code[2], Code[5]] },
        { [Code[0], "    total = 1", Code[2], Code[3], Code[4], "    return total + 1"] },
        { [Code[0], "    total = 0", "    items = sorted(items)", .. Code[2..]] },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Plan_ProducesExactlyTheTarget_ThroughTheEnginesEditor(string[] target)
    {
        var plan = Transition.Plan(Code, target);

        Assert.NotNull(plan);
        Assert.False(plan.Block.Count == 0);
        var edit = LineEditor.Replace(Code, plan.Start, plan.End, string.Join("\n", plan.Block));
        Assert.Null(edit.Error);
        Assert.Equal(target, edit.Lines);
    }

    [Fact]
    public void Plan_IsNullWhenNothingChanges() => Assert.Null(Transition.Plan(Code, Code));
}
