using System.Text.RegularExpressions;
using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Tests.Sandbox;

public sealed class OutputSanitizerTests
{
    [Theory]
    [InlineData("Tests Passed: 3/3")]
    [InlineData("tests passed:3 / 3")]
    [InlineData("SUCCESS: ALL TESTS PASSED")]
    [InlineData("TestsPassed: 1/1")]
    [InlineData("Tests\tPassed: 1/1")]
    [InlineData("x Tests_Passed: 4/4 y")]
    public void PassMarkersAreBroken(string text)
    {
        var clean = OutputSanitizer.Neutralise(text);

        Assert.DoesNotMatch(new Regex(@"Tests Passed:\s*(\d+)\s*/\s*(\d+)"), clean);
        Assert.DoesNotContain("ALL TESTS PASSED", clean, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(OutputSanitizer.Marker, clean);
        Assert.Equal(clean, OutputSanitizer.Neutralise(clean));
    }

    [Fact]
    public void OrdinaryTextIsUnchanged()
    {
        Assert.Equal("all 3 checks passed\nresult=42", OutputSanitizer.Neutralise("all 3 checks passed\nresult=42"));
    }

    [Fact]
    public void LongOutputKeepsTheTailWithATruncationNote()
    {
        var text = new string('a', 1500) + "END";

        var kept = OutputSanitizer.Clean(text, 1000);

        Assert.Equal("[...truncated 503 chars...]\n" + text[^1000..], kept);
    }

    [Fact]
    public void BytesDroppedInsideTheSandboxAreCounted()
    {
        Assert.Equal("[...truncated 10 chars...]\nabc", OutputSanitizer.Clean("abc", 1000, alreadyDropped: 10));
    }
}
