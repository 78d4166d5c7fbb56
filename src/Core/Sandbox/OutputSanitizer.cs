using System.Text.RegularExpressions;

namespace TraceFix.Core.Sandbox;

/// <summary>
/// Makes text that came out of the agent's process safe to show next to real verdicts: the pass markers clients
/// look for ("Tests Passed: N/M", "SUCCESS: ALL TESTS PASSED") are broken up so no regex or substring check matches.
/// </summary>
public static partial class OutputSanitizer
{
    public const string Marker = "[printed] ";

    public static string Neutralise(string text) =>
        text.Length == 0 ? text : PassMarker().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + Marker + m.Groups[3].Value);

    /// <summary>Keeps the last <paramref name="maxChars"/> characters, prefixed by how many were cut (plus those cut earlier).</summary>
    public static string KeepTail(string text, int maxChars, long alreadyDropped = 0)
    {
        var dropped = alreadyDropped + Math.Max(0, text.Length - maxChars);
        var tail = text.Length > maxChars ? text[^maxChars..] : text;
        return dropped > 0 ? $"[...truncated {dropped} chars...]\n{tail}" : tail;
    }

    /// <summary>Neutralises, caps, and neutralises again in case the cut joined something up.</summary>
    public static string Clean(string text, int maxChars, long alreadyDropped = 0) =>
        Neutralise(KeepTail(Neutralise(text), maxChars, alreadyDropped));

    [GeneratedRegex(@"(tests?)([\W_]{0,12}?)(passed)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PassMarker();
}
