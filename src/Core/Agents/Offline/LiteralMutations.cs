using System.Text.RegularExpressions;

namespace TraceFix.Core.Agents.Offline;

/// <summary>Rewrites of literals and names on one line: dict values swapped, a name replaced by another in scope, syntax slips.</summary>
internal static partial class LiteralMutations
{
    public static IEnumerable<CandidateDraft> DictSwaps(PySource source, int n)
    {
        var line = source.Line(n);
        // Match on the masked line (string contents blanked, same length) so brackets inside quotes do not count.
        var masked = PyLine.Mask(line);
        foreach (Match dict in DictLiteral().Matches(masked))
        {
            var pairs = Pair().Matches(masked, dict.Index).Where(p => p.Index + p.Length <= dict.Index + dict.Length).ToList();
            if (pairs.Count < 2)
            {
                continue;
            }
            for (var i = 0; i < pairs.Count; i++)
            {
                for (var j = i + 1; j < pairs.Count; j++)
                {
                    var a = pairs[i].Groups["value"];
                    var b = pairs[j].Groups["value"];
                    var aText = line.Substring(a.Index, a.Length);
                    var bText = line.Substring(b.Index, b.Length);
                    if (aText == bText)
                    {
                        continue;
                    }
                    var swapped = line[..a.Index] + bText + line[(a.Index + a.Length)..b.Index] + aText + line[(b.Index + b.Length)..];
                    var keyA = line.Substring(pairs[i].Groups["key"].Index, pairs[i].Groups["key"].Length);
                    var keyB = line.Substring(pairs[j].Groups["key"].Index, pairs[j].Groups["key"].Length);
                    yield return CandidateDraft.Line(RepairKind.DictSwap, n, swapped, 0.5,
                        $"the mapping on line {n} may pair {keyA} and {keyB} with each other's values");
                }
            }
        }
    }

    public static IEnumerable<CandidateDraft> NameSwaps(PySource source, PyFunction function, int n)
    {
        var line = source.Line(n);
        var locals = source.LocalsOf(function);
        foreach (var m in PyLine.Names(line).Where(m => locals.Contains(m.Value) && !PySource.IsAttribute(line, m.Index)))
        {
            var isTarget = Regex.IsMatch(PyLine.Mask(line)[(m.Index + m.Length)..], @"^\s*([-+*/%]|//)?=(?!=)");
            if (isTarget)
            {
                continue;
            }
            foreach (var other in locals.Where(o => o != m.Value))
            {
                yield return CandidateDraft.Line(RepairKind.VariableSwap, n, PyLine.Splice(line, m.Index, m.Length, other), 0.1,
                    $"line {n} reads '{m.Value}' where '{other}' may have been meant");
            }
        }
    }

    public static IEnumerable<CandidateDraft> SyntaxRepairs(PySource source, int n)
    {
        var line = source.Line(n);
        var masked = PyLine.Mask(line).TrimEnd();
        if (BlockHead().IsMatch(masked) && !masked.EndsWith(':'))
        {
            yield return CandidateDraft.Line(RepairKind.SyntaxRepair, n, line.TrimEnd() + ":", 1.0, $"the block header on line {n} lacks its colon");
        }
        var open = masked.Count(c => c == '(') - masked.Count(c => c == ')');
        if (open > 0)
        {
            var text = masked.EndsWith(':') ? line.TrimEnd()[..^1] + new string(')', open) + ":" : line.TrimEnd() + new string(')', open);
            yield return CandidateDraft.Line(RepairKind.SyntaxRepair, n, text, 0.9, $"line {n} leaves {open} parenthesis open");
        }
        if (Regex.Match(masked, @"^\s*(if|elif|while)\b[^=]*[^=!<>]=[^=]") is { Success: true } && masked.Contains('='))
        {
            var index = Regex.Match(masked, @"(?<![=!<>])=(?!=)").Index;
            yield return CandidateDraft.Line(RepairKind.SyntaxRepair, n, PyLine.Splice(line, index, 1, "=="), 0.9, $"the condition on line {n} assigns instead of comparing");
        }
    }

    [GeneratedRegex(@"\{[^{}]*:[^{}]*\}")]
    private static partial Regex DictLiteral();

    [GeneratedRegex(@"(?<key>""[^""]*""|'[^']*'|-?\d+)\s*:\s*(?<value>""[^""]*""|'[^']*'|-?\d+(\.\d+)?|True|False|None)")]
    private static partial Regex Pair();

    [GeneratedRegex(@"^\s*(if|elif|else|for|while|def|class|try|except|finally|with)\b")]
    private static partial Regex BlockHead();
}
