using System.Text.RegularExpressions;

namespace TraceFix.Core.Agents;

/// <summary>
/// What a test run's text says about the pass count: the "Tests Passed: N/M" marker and, when N = M, the success
/// marker. Both markers must be present for the all-pass signal, exactly as the seed decides it.
/// </summary>
public sealed partial record PassSignal(int? Passed, int? Total, string Summary, bool AllPass)
{
    public const string SuccessMarker = "SUCCESS: ALL TESTS PASSED";

    public static PassSignal Read(string? output)
    {
        var text = output ?? "";
        var match = CountPattern().Match(text);
        if (!match.Success)
        {
            return new PassSignal(null, null, "unknown", false);
        }
        var passed = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var total = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var allPass = text.Contains(SuccessMarker, StringComparison.Ordinal) && match.Groups[1].Value == match.Groups[2].Value;
        return new PassSignal(passed, total, match.Value, allPass);
    }

    [GeneratedRegex(@"Tests Passed:\s*(\d+)\s*/\s*(\d+)")]
    private static partial Regex CountPattern();
}
