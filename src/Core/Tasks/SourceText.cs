namespace TraceFix.Core.Tasks;

public static class SourceText
{
    /// <summary>Splits source into lines the way Python's str.split("\n") would after normalising line endings, minus one trailing empty line.</summary>
    public static IReadOnlyList<string> SplitLines(string code)
    {
        var normalised = code.Replace("\r\n", "\n").Replace('\r', '\n');
        if (normalised.EndsWith('\n'))
        {
            normalised = normalised[..^1];
        }
        return normalised.Split('\n');
    }

    public static string Join(IEnumerable<string> lines) => string.Join("\n", lines) + "\n";
}
