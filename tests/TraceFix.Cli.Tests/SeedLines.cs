using System.Text.RegularExpressions;

namespace TraceFix.Cli.Tests;

/// <summary>The shapes graders parse, as regular expressions derived from the seed's format strings.</summary>
internal static partial class SeedLines
{
    [GeneratedRegex(@"^\[START\] task=\S+ env=\S+ model=\S+$")]
    public static partial Regex Start();

    [GeneratedRegex(@"^\[STEP\] step=\d+ action=(VIEW_CODE|RUN_TESTS|REPLACE_LINES|UNDO_EDIT|RESET_TO_ORIGINAL|SUBMIT) reward=-?\d+\.\d\d done=(true|false) error=.+$")]
    public static partial Regex Step();

    [GeneratedRegex(@"^\[END\] success=(true|false) steps=\d+ score=\d+\.\d\d rewards=(-?\d+\.\d\d(,-?\d+\.\d\d)*)?$")]
    public static partial Regex End();

    public static void AssertAllSeedShaped(IEnumerable<string> lines) => Assert.All(lines, line =>
        Assert.True(Start().IsMatch(line) || Step().IsMatch(line) || End().IsMatch(line), $"not a seed line: {line}"));
}
