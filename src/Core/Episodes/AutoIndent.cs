namespace TraceFix.Core.Episodes;

/// <summary>
/// REPLACE_LINES re-indentation: each new line gets the indent of the first replaced line, plus whatever indent it has
/// beyond the block's own first line, so agents can send a block without knowing the nesting depth it lands in.
/// </summary>
internal static class AutoIndent
{
    public static List<string> Apply(IReadOnlyList<string> block, string targetIndent)
    {
        // The first non-blank line is the reference; a leading blank line carries no indentation intent.
        var reference = block.FirstOrDefault(line => !IsBlank(line));
        var referenceIndent = reference is null ? 0 : LeadingWhitespace(reference).Length;
        var result = new List<string>(block.Count);
        foreach (var line in block)
        {
            if (IsBlank(line))
            {
                result.Add("");
                continue;
            }
            var leading = LeadingWhitespace(line);
            var extra = leading.Length > referenceIndent ? leading[referenceIndent..] : "";
            result.Add(targetIndent + extra + line[leading.Length..]);
        }
        return result;
    }

    public static string LeadingWhitespace(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }
        return line[..i];
    }

    private static bool IsBlank(string line) => string.IsNullOrWhiteSpace(line);
}
