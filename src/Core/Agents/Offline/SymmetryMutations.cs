using System.Text.RegularExpressions;

namespace TraceFix.Core.Agents.Offline;

/// <summary>
/// Code that treats two things alike (a and b, i and j, left and right) usually does so everywhere. Two lines that are
/// the same apart from such names reveal the correspondence; a statement whose counterpart is missing is then proposed
/// with the names exchanged, next to the original (e.g. result.extend(a[i:]) beside result.extend(b[j:])).
/// </summary>
internal static partial class SymmetryMutations
{
    public static IEnumerable<CandidateDraft> For(PySource source, PyFunction function)
    {
        var body = Enumerable.Range(function.DefLine + 1, function.EndLine - function.DefLine).Where(source.IsCode).ToList();
        var texts = body.ToDictionary(n => n, n => PyLine.Mask(source.Line(n)).Trim());
        var mappings = new List<Dictionary<string, string>>();
        for (var x = 0; x < body.Count; x++)
        {
            for (var y = x + 1; y < body.Count; y++)
            {
                if (Correspondence(texts[body[x]], texts[body[y]]) is { } map)
                {
                    mappings.Add(map);
                    mappings.Add(map.ToDictionary(kv => kv.Value, kv => kv.Key));
                }
            }
        }
        var present = body.Select(n => source.Line(n).Trim()).ToHashSet(StringComparer.Ordinal);
        var proposed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in body)
        {
            var line = source.Line(n);
            if (!Statement().IsMatch(texts[n]))
            {
                continue;
            }
            foreach (var map in mappings)
            {
                var counterpart = Rename(line, map);
                if (counterpart == line || present.Contains(counterpart.Trim()) || !proposed.Add($"{n}:{counterpart}"))
                {
                    continue;
                }
                yield return new CandidateDraft(RepairKind.Symmetry, n, n, [counterpart, line], 0.3,
                    $"'{line.Trim()}' on line {n} has no counterpart '{counterpart.Trim()}', although the code treats {Describe(map)} alike elsewhere");
                yield return new CandidateDraft(RepairKind.Symmetry, n, n, [line, counterpart], 0.3,
                    $"'{line.Trim()}' on line {n} has no counterpart '{counterpart.Trim()}', although the code treats {Describe(map)} alike elsewhere");
            }
        }
    }

    /// <summary>Names that differ between two lines of identical shape, if they differ consistently in one to three names.</summary>
    private static Dictionary<string, string>? Correspondence(string first, string second)
    {
        var a = PyLine.Identifier().Matches(first);
        var b = PyLine.Identifier().Matches(second);
        if (a.Count != b.Count || a.Count == 0 || Shape(first) != Shape(second))
        {
            return null;
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < a.Count; k++)
        {
            if (a[k].Value == b[k].Value)
            {
                continue;
            }
            if (PyLine.Keywords.Contains(a[k].Value) || PyLine.Keywords.Contains(b[k].Value)
                || map.TryGetValue(a[k].Value, out var known) && known != b[k].Value)
            {
                return null;
            }
            map[a[k].Value] = b[k].Value;
        }
        var bijective = map.Values.Distinct().Count() == map.Count && !map.Keys.Intersect(map.Values).Any();
        return map.Count is >= 1 and <= 3 && bijective ? map : null;
    }

    private static string Rename(string line, Dictionary<string, string> map)
    {
        var masked = PyLine.Mask(line);
        var result = line;
        foreach (var m in PyLine.Identifier().Matches(masked).Reverse())
        {
            if (map.TryGetValue(m.Value, out var other) && !PySource.IsAttribute(masked, m.Index))
            {
                result = PyLine.Splice(result, m.Index, m.Length, other);
            }
        }
        return result;
    }

    private static string Shape(string text) => PyLine.Identifier().Replace(text, "_");

    private static string Describe(Dictionary<string, string> map) =>
        string.Join(" and ", map.Select(kv => $"'{kv.Key}'/'{kv.Value}'"));

    [GeneratedRegex(@"^(?!(if|elif|else|for|while|def|class|return|try|except|with|import|from)\b)[\w.\[\]]+(\s*([-+*/%]|//)?=[^=]|\()")]
    private static partial Regex Statement();
}
