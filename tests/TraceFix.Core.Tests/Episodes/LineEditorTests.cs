using TraceFix.Core.Episodes;

namespace TraceFix.Core.Tests.Episodes;

public sealed class LineEditorTests
{
    private static readonly string[] Code =
    [
        "def f(x):",
        "    a = 1",
        "    b = 2",
        "    c = 3",
        "    d = 4",
        "    e = 5",
        "    g = 6",
        "    return a",
    ];

    [Theory]
    [InlineData(null, 2)]
    [InlineData(2, null)]
    [InlineData(null, null)]
    public void Replace_MissingLineNumbers_FailsWithSmallPenalty(int? start, int? end)
    {
        var edit = LineEditor.Replace(Code, start, end, "x = 1");

        Assert.False(edit.Succeeded);
        Assert.Null(edit.Lines);
        Assert.Equal(-0.02, edit.Penalty);
        Assert.Contains("start_line and end_line", edit.Error);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(8, 9)]
    [InlineData(9, 9)]
    [InlineData(-3, 2)]
    [InlineData(5, 4)]
    public void Replace_InvalidRange_FailsWithSmallPenalty(int start, int end)
    {
        var edit = LineEditor.Replace(Code, start, end, "x = 1");

        Assert.False(edit.Succeeded);
        Assert.Equal(-0.02, edit.Penalty);
        Assert.Equal($"Invalid line range {start}–{end}: the file has 8 line(s), so 1 ≤ start_line ≤ end_line ≤ 8 is required. Nothing was changed.", edit.Error);
    }

    [Fact]
    public void Replace_EmptyBlockOverSixLines_IsRefusedWithLargePenalty()
    {
        var edit = LineEditor.Replace(Code, 2, 7, "");

        Assert.False(edit.Succeeded);
        Assert.Equal(-0.20, edit.Penalty);
        Assert.StartsWith("Cannot delete more than 5 lines at once", edit.Error);
    }

    [Fact]
    public void Replace_NullBlockOverFiveLines_CountsAsDeletion()
    {
        Assert.Equal(-0.20, LineEditor.Replace(Code, 1, 6, null).Penalty);
    }

    [Fact]
    public void Replace_EmptyBlockOverFiveLines_DeletesThemAndAnchorsOnTheNextLine()
    {
        var edit = LineEditor.Replace(Code, 2, 6, "");

        Assert.True(edit.Succeeded);
        Assert.Equal(["def f(x):", "    g = 6", "    return a"], edit.Lines);
        Assert.Equal(0, edit.InsertedCount);
        Assert.Equal(2, edit.Anchor);
    }

    [Fact]
    public void Replace_DeletingTheLastLines_AnchorsOnTheNewLastLine()
    {
        var edit = LineEditor.Replace(Code, 7, 8, "");

        Assert.Equal(6, edit.Lines!.Count);
        Assert.Equal(6, edit.Anchor);
    }

    [Fact]
    public void Replace_DeletingEveryLine_LeavesOneEmptyLine()
    {
        var edit = LineEditor.Replace(["x = 1", "y = 2"], 1, 2, "");

        Assert.Equal([""], edit.Lines);
        Assert.Equal(1, edit.Anchor);
    }

    [Fact]
    public void Replace_LongerBlock_GrowsTheFileAndAnchorsOnTheLastNewLine()
    {
        var edit = LineEditor.Replace(Code, 8, 8, "if a:\n    return b\nreturn a\n");

        Assert.True(edit.Succeeded);
        Assert.Equal(10, edit.Lines!.Count);
        Assert.Equal(["    if a:", "        return b", "    return a"], edit.Lines.Skip(7));
        Assert.Equal(3, edit.InsertedCount);
        Assert.Equal(10, edit.Anchor);
    }

    [Fact]
    public void Replace_DoesNotModifyTheInput()
    {
        var input = Code.ToList();

        LineEditor.Replace(input, 2, 3, "z = 0");

        Assert.Equal(Code, input);
    }

    [Fact]
    public void Replace_CarriageReturns_AreNormalised()
    {
        var edit = LineEditor.Replace(Code, 2, 2, "a = 10\r\nb = 20");

        Assert.Equal(["    a = 10", "    b = 20"], edit.Lines!.Skip(1).Take(2));
    }
}
