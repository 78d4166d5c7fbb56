using System.Globalization;
using System.Text;

namespace TraceFix.Core.Episodes;

/// <summary>The numbered window of code around the anchor line that the observation carries as <c>localized_context</c>.</summary>
internal static class LocalizedContext
{
    public const string TruncationMarker = "\n... [context truncated]";

    public static string Render(IReadOnlyList<string> lines, int? anchor, int radius, int maxChars)
    {
        if (anchor is not { } line || lines.Count == 0)
        {
            return "";
        }
        var k = Math.Clamp(line, 1, lines.Count);
        var first = Math.Max(1, k - radius);
        var last = Math.Min(lines.Count, k + radius);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"[Showing lines {first}–{last} of {lines.Count}, anchor ▶ line {k}]");
        for (var n = first; n <= last; n++)
        {
            var mark = n == k ? '▶' : '|';
            text.Append(CultureInfo.InvariantCulture, $"\n{n,4} {mark} {lines[n - 1]}");
        }
        return text.Length <= maxChars ? text.ToString() : Cut(text.ToString(), maxChars) + TruncationMarker;
    }

    private static string Cut(string text, int maxChars)
    {
        var cut = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return text[..cut];
    }
}
