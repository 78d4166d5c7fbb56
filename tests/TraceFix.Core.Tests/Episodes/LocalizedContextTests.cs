using TraceFix.Core.Episodes;

namespace TraceFix.Core.Tests.Episodes;

public sealed class LocalizedContextTests
{
    private static readonly string[] ThirtyLines = Enumerable.Range(1, 30).Select(i => $"x{i} = {i}").ToArray();

    [Fact]
    public void Render_NoAnchor_IsEmpty()
    {
        Assert.Equal("", LocalizedContext.Render(ThirtyLines, null, 10, 2000));
    }

    [Fact]
    public void Render_AnchorInTheMiddle_ShowsTenLinesEachSideWithMarker()
    {
        var text = LocalizedContext.Render(ThirtyLines, 15, 10, 2000);
        var lines = text.Split('\n');

        Assert.Equal("[Showing lines 5–25 of 30, anchor ▶ line 15]", lines[0]);
        Assert.Equal(22, lines.Length);
        Assert.Equal("   5 | x5 = 5", lines[1]);
        Assert.Equal("  15 ▶ x15 = 15", lines[11]);
        Assert.Equal("  25 | x25 = 25", lines[21]);
    }

    [Fact]
    public void Render_AnchorNearTheStart_IsClippedToTheFile()
    {
        var text = LocalizedContext.Render(ThirtyLines, 2, 10, 2000);

        Assert.StartsWith("[Showing lines 1–12 of 30, anchor ▶ line 2]\n   1 | x1 = 1\n   2 ▶ x2 = 2\n", text);
    }

    [Fact]
    public void Render_AnchorBeyondTheEnd_IsClampedToTheLastLine()
    {
        var text = LocalizedContext.Render(ThirtyLines, 99, 10, 2000);

        Assert.StartsWith("[Showing lines 20–30 of 30, anchor ▶ line 30]", text);
        Assert.EndsWith("  30 ▶ x30 = 30", text);
    }

    [Fact]
    public void Render_LongLines_AreCutAtTheCapWithMarker()
    {
        var wide = Enumerable.Range(1, 30).Select(i => new string('y', 300)).ToArray();

        var text = LocalizedContext.Render(wide, 15, 10, 2000);

        Assert.Equal(2000 + LocalizedContext.TruncationMarker.Length, text.Length);
        Assert.EndsWith("\n... [context truncated]", text);
    }
}
