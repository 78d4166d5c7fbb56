using TraceFix.Core.Episodes;

namespace TraceFix.Core.Tests.Episodes;

public sealed class AutoIndentTests
{
    [Fact]
    public void Apply_UnindentedBlock_TakesTheTargetIndent()
    {
        var result = AutoIndent.Apply(["if x:", "    return 1", "return 2"], "        ");

        Assert.Equal(["        if x:", "            return 1", "        return 2"], result);
    }

    [Fact]
    public void Apply_BlockIndentedDeeperThanTarget_KeepsOnlyRelativeIndent()
    {
        var result = AutoIndent.Apply(["            a = 1", "                b = 2", "        c = 3"], "    ");

        // The third line is shallower than the block's first line: it cannot go left of the target.
        Assert.Equal(["    a = 1", "        b = 2", "    c = 3"], result);
    }

    [Fact]
    public void Apply_BlankLines_StayEmptyAndDoNotSetTheReference()
    {
        var result = AutoIndent.Apply(["", "  x = 1", "   ", "    y = 2"], "\t");

        Assert.Equal(["", "\tx = 1", "", "\t  y = 2"], result);
    }

    [Fact]
    public void Apply_TabsBeyondTheReference_AreKeptAsTabs()
    {
        var result = AutoIndent.Apply(["for i in r:", "\tprint(i)"], "  ");

        Assert.Equal(["  for i in r:", "  \tprint(i)"], result);
    }

    [Fact]
    public void LeadingWhitespace_StopsAtFirstVisibleCharacter()
    {
        Assert.Equal(" \t ", AutoIndent.LeadingWhitespace(" \t x = 1 "));
        Assert.Equal("", AutoIndent.LeadingWhitespace("x"));
    }
}
