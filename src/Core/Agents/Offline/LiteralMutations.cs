using System.Text.RegularExpressions;

namespace TraceFix.Core.Agents.Offline;

/// <summary>Rewrites of literals and names on one line: dict values swapped, a name replaced by another in scope, syntax slips.</summary>
internal static partial class LiteralMutations
{
    public static IEnumerable<CandidateDraft> DictSwaps(PySource source, int n)
    {
        var line = source.Line(n);
        foreach (Match dict in DictLiteral().Matches(line))
        {
            var pairs = Pair().Matches(dict.Value).ToList();
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
                    if (a.Value == b.Value)
                    {
                        continue;
                    }
                    var body = dict.Value[..a.Index] + b.Value + dict.Value[(a.Index + a.Length)..b.Index] + a.Value + dict.Value[(b.Index + b.Length)..];
                    yield return CandidateDraft.Line(RepairKind.DictSwap, n, PyLine.Splice(line, dict.Index, dict.Length, body), 0.5,
                        $"the mapping on line {n} may pair {pairs[i].Groups["key"].Value} and {pairs[j].Groups["key"].Value} with each other's values");
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
