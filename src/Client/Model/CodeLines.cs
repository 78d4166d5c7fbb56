namespace TraceFix.Client.Model;

public static class CodeLines
{
    /// <summary>Splits source into lines; a final newline does not make an extra empty line.</summary>
    public static IReadOnlyList<string> Split(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return [];
        }
        var lines = code.ReplaceLineEndings("\n").Split('\n');
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    public static IReadOnlyList<string> FromCodeDict(IReadOnlyDictionary<string, string> codeDict) =>
        [.. codeDict.Select(kv => (Line: int.TryParse(kv.Key, out var n) ? n : int.MaxValue, kv.Value))
            .OrderBy(p => p.Line)
            .Select(p => p.Value)];
}
