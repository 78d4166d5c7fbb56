using System.Globalization;
using System.Text.RegularExpressions;

namespace TraceFix.Core.Agents.Offline;

/// <summary>Token-level rewrites of one line: comparisons, arithmetic, and/or, negations, integer constants, True/False.</summary>
internal static partial class OperatorMutations
{
    private static readonly Dictionary<string, (string To, double Prior, string Kind)[]> ComparisonSwaps = new()
    {
        ["<"] = [("<=", 0.6, RepairKind.Comparison), (">", 0.25, RepairKind.ComparisonFlip), (">=", 0.1, RepairKind.ComparisonFlip), ("!=", 0.08, RepairKind.ComparisonFlip)],
        ["<="] = [("<", 0.6, RepairKind.Comparison), (">=", 0.25, RepairKind.ComparisonFlip), (">", 0.1, RepairKind.ComparisonFlip), ("==", 0.08, RepairKind.ComparisonFlip)],
        [">"] = [(">=", 0.6, RepairKind.Comparison), ("<", 0.25, RepairKind.ComparisonFlip), ("<=", 0.1, RepairKind.ComparisonFlip), ("!=", 0.08, RepairKind.ComparisonFlip)],
        [">="] = [(">", 0.6, RepairKind.Comparison), ("<=", 0.25, RepairKind.ComparisonFlip), ("<", 0.1, RepairKind.ComparisonFlip), ("==", 0.08, RepairKind.ComparisonFlip)],
        ["=="] = [("!=", 0.4, RepairKind.ComparisonFlip), ("<=", 0.1, RepairKind.Comparison), (">=", 0.1, RepairKind.Comparison)],
        ["!="] = [("==", 0.4, RepairKind.ComparisonFlip), ("<", 0.08, RepairKind.Comparison), (">", 0.08, RepairKind.Comparison)],
    };

    private static readonly Dictionary<string, (string To, double Prior, string Kind)[]> ArithmeticSwaps = new()
    {
        ["+"] = [("-", 0.4, RepairKind.Arithmetic), ("*", 0.1, RepairKind.Arithmetic)],
        ["-"] = [("+", 0.4, RepairKind.Arithmetic), ("*", 0.05, RepairKind.Arithmetic)],
        ["*"] = [("+", 0.12, RepairKind.Arithmetic), ("//", 0.08, RepairKind.Arithmetic), ("**", 0.06, RepairKind.Arithmetic)],
        ["/"] = [("//", 0.5, RepairKind.FloorDivision), ("*", 0.08, RepairKind.Arithmetic)],
        ["//"] = [("/", 0.15, RepairKind.Arithmetic), ("%", 0.1, RepairKind.Arithmetic), ("*", 0.06, RepairKind.Arithmetic)],
        ["%"] = [("//", 0.12, RepairKind.Arithmetic)],
        ["+="] = [("-=", 0.3, RepairKind.Arithmetic), ("=", 0.15, RepairKind.Arithmetic)],
        ["-="] = [("+=", 0.3, RepairKind.Arithmetic), ("=", 0.1, RepairKind.Arithmetic)],
    };

    public static IEnumerable<CandidateDraft> For(PySource source, int n)
    {
        var line = source.Line(n);
        var masked = PyLine.Mask(line);
        foreach (Match m in ComparisonOperator().Matches(masked))
        {
            foreach (var (to, prior, kind) in ComparisonSwaps[m.Value])
            {
                yield return CandidateDraft.Line(kind, n, PyLine.Splice(line, m.Index, m.Length, to), prior,
                    $"the comparison '{m.Value}' on line {n} may be the wrong one; '{to}' changes which values pass the check");
            }
        }
        foreach (Match m in ArithmeticOperator().Matches(masked))
        {
            if (!IsBinary(masked, m.Index) || !ArithmeticSwaps.TryGetValue(m.Value, out var swaps))
            {
                continue;
            }
            foreach (var (to, prior, kind) in swaps)
            {
                yield return CandidateDraft.Line(kind, n, PyLine.Splice(line, m.Index, m.Length, to), prior,
                    $"the operator '{m.Value}' on line {n} may compute the wrong value; '{to}' is the likely intended one");
            }
        }
        foreach (Match m in AndOr().Matches(masked))
        {
            var to = m.Value == "and" ? "or" : "and";
            yield return CandidateDraft.Line(RepairKind.BooleanOperator, n, PyLine.Splice(line, m.Index, m.Length, to), 0.35,
                $"'{m.Value}' on line {n} may combine the conditions the wrong way");
        }
        foreach (var draft in SwapAll(line, n).Concat(RangeStops(line, masked, n)).Concat(CallArguments(line, masked, n)).Concat(MirroredIndexes(line, masked, n)))
        {
            yield return draft;
        }
        foreach (var draft in Negations(line, masked, n))
        {
            yield return draft;
        }
        foreach (var draft in Constants(line, masked, n))
        {
            yield return draft;
        }
        foreach (Match m in BoolLiteral().Matches(masked))
        {
            var to = m.Value == "True" ? "False" : "True";
            var isReturn = masked.TrimStart().StartsWith("return", StringComparison.Ordinal);
            yield return CandidateDraft.Line(RepairKind.BooleanLiteral, n, PyLine.Splice(line, m.Index, m.Length, to), isReturn ? 0.3 : 0.45,
                $"the literal {m.Value} on line {n} may be inverted");
        }
        foreach (var (from, to) in new[] { ("append", "extend"), ("extend", "append"), ("min", "max"), ("max", "min"), ("remove", "discard"), ("pop", "popleft"), ("lstrip", "rstrip"), ("rstrip", "lstrip") })
        {
            foreach (var m in PyLine.Names(line).Where(m => m.Value == from))
            {
                yield return CandidateDraft.Line(RepairKind.CallSwap, n, PyLine.Splice(line, m.Index, m.Length, to), 0.22,
                    $"'{from}' on line {n} may be the wrong call; '{to}' is its usual counterpart");
            }
        }
    }

    /// <summary>Counterparts swapped everywhere on the line at once (min/max nested in each other are usually swapped together).</summary>
    private static IEnumerable<CandidateDraft> SwapAll(string line, int n)
    {
        foreach (var (a, b) in new[] { ("min", "max"), ("lo", "hi"), ("low", "high"), ("left", "right") })
        {
            var names = PyLine.Names(line).Where(m => m.Value == a || m.Value == b).ToList();
            if (names.Count < 2 || names.All(m => m.Value == a) || names.All(m => m.Value == b))
            {
                continue;
            }
            var text = line;
            foreach (var m in names.OrderByDescending(m => m.Index))
            {
                text = PyLine.Splice(text, m.Index, m.Length, m.Value == a ? b : a);
            }
            yield return CandidateDraft.Line(RepairKind.CallSwap, n, text, 0.35, $"'{a}' and '{b}' on line {n} may be the wrong way round");
        }
    }

    /// <summary>
    /// Method calls whose single argument is wrong in a common way: split(" ") that should split on any whitespace,
    /// pop() that should take from the front (pop(0)) or the other way round.
    /// </summary>
    private static IEnumerable<CandidateDraft> CallArguments(string line, string masked, int n)
    {
        foreach (Match m in MethodCall().Matches(masked))
        {
            var argument = line.Substring(m.Groups["args"].Index, m.Groups["args"].Length);
            var method = m.Groups["method"].Value;
            if (argument.Trim().Length > 0 && !argument.Contains(',', StringComparison.Ordinal))
            {
                yield return CandidateDraft.Line(RepairKind.CallSwap, n, PyLine.Splice(line, m.Groups["args"].Index, m.Groups["args"].Length, ""), 0.22,
                    $"the argument {argument.Trim()} of .{method}() on line {n} may be what makes it misbehave");
            }
            if (method == "pop")
            {
                var to = argument.Trim() == "0" ? "" : argument.Trim().Length == 0 ? "0" : null;
                if (to is not null)
                {
                    yield return CandidateDraft.Line(RepairKind.CallSwap, n, PyLine.Splice(line, m.Groups["args"].Index, m.Groups["args"].Length, to), 0.35,
                        $".pop({argument.Trim()}) on line {n} takes from the {(to.Length == 0 ? "front" : "back")}; the other end may be meant");
                }
            }
        }
    }

    /// <summary>A literal index counted from the wrong end: [k] for [-(k+1)] and back.</summary>
    private static IEnumerable<CandidateDraft> MirroredIndexes(string line, string masked, int n)
    {
        foreach (Match m in LiteralIndex().Matches(masked))
        {
            var value = long.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
            var negative = m.Groups["sign"].Value == "-";
            var mirrored = negative ? (value - 1).ToString(CultureInfo.InvariantCulture) : "-" + (value + 1).ToString(CultureInfo.InvariantCulture);
            if (negative && value == 0)
            {
                continue;
            }
            var inner = m.Groups["sign"].Index;
            var length = m.Groups["value"].Index + m.Groups["value"].Length - inner;
            yield return CandidateDraft.Line(RepairKind.MirroredIndex, n, PyLine.Splice(line, inner, length, mirrored), 0.2,
                $"the index [{(negative ? "-" : "")}{value}] on line {n} may count from the wrong end");
        }
    }

    /// <summary>range(...) stopping one short or one late: the stop argument plus or minus one.</summary>
    private static IEnumerable<CandidateDraft> RangeStops(string line, string masked, int n)
    {
        foreach (Match m in RangeCall().Matches(masked))
        {
            var open = m.Index + m.Length - 1;
            var (close, commas) = Arguments(masked, open);
            if (close < 0)
            {
                continue;
            }
            var stopStart = commas.Count == 0 ? open + 1 : commas[0] + 1;
            var stopEnd = commas.Count == 0 ? close : commas.Count > 1 ? commas[1] : close;
            var stop = line[stopStart..stopEnd].Trim();
            if (stop.Length == 0 || stop.StartsWith('-'))
            {
                continue;
            }
            var at = stopStart + line[stopStart..stopEnd].IndexOf(stop, StringComparison.Ordinal);
            foreach (var delta in new[] { " + 1", " - 1" })
            {
                yield return CandidateDraft.Line(RepairKind.OffByOne, n, PyLine.Splice(line, at, stop.Length, stop + delta), 0.4,
                    $"the range on line {n} stops at {stop}, which may be one off");
            }
        }
    }

    private static (int Close, List<int> Commas) Arguments(string masked, int open)
    {
        var depth = 0;
        var commas = new List<int>();
        for (var i = open; i < masked.Length; i++)
        {
            switch (masked[i])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    if (depth == 0)
                    {
                        return (i, commas);
                    }
                    break;
                case ',' when depth == 1:
                    commas.Add(i);
                    break;
            }
        }
        return (-1, commas);
    }

    private static IEnumerable<CandidateDraft> Negations(string line, string masked, int n)
    {
        foreach (Match m in NotWord().Matches(masked))
        {
            var removeLength = m.Length;
            yield return CandidateDraft.Line(RepairKind.Negation, n, PyLine.Splice(line, m.Index, removeLength, ""), 0.5,
                $"the 'not' on line {n} inverts the condition; the branch may be taken in exactly the wrong cases");
        }
        if (ConditionHead().Match(masked) is { Success: true } head && !head.Groups["cond"].Value.TrimStart().StartsWith("not ", StringComparison.Ordinal))
        {
            var cond = head.Groups["cond"];
            var original = line.Substring(cond.Index, cond.Length).Trim();
            var start = cond.Index + (cond.Length - cond.Value.TrimStart().Length);
            var negated = SimpleOperand().IsMatch(original) ? $"not {original}" : $"not ({original})";
            yield return CandidateDraft.Line(RepairKind.Negation, n, PyLine.Splice(line, start, original.Length, negated), 0.3,
                $"the condition on line {n} may be inverted");
        }
    }

    private static IEnumerable<CandidateDraft> Constants(string line, string masked, int n)
    {
        var inRange = masked.Contains("range(", StringComparison.Ordinal) || masked.Contains('[', StringComparison.Ordinal);
        foreach (Match m in IntegerLiteral().Matches(masked))
        {
            var value = long.Parse(m.Value, CultureInfo.InvariantCulture);
            var negative = m.Index > 0 && masked[..m.Index].TrimEnd() is { Length: > 0 } before && before[^1] == '-' && IsUnaryContext(before[..^1]);
            foreach (var delta in new[] { -1, 1 })
            {
                var next = value + delta;
                if (next < 0)
                {
                    continue;
                }
                var shown = next.ToString(CultureInfo.InvariantCulture);
                var text = PyLine.Splice(line, m.Index, m.Length, shown);
                if (negative && next == 0)
                {
                    continue;
                }
                yield return CandidateDraft.Line(RepairKind.OffByOne, n, text, inRange ? 0.45 : 0.3,
                    $"the constant {(negative ? "-" : "")}{m.Value} on line {n} may be off by one");
            }
            if (value != 0)
            {
                var signIndex = negative ? masked.LastIndexOf('-', m.Index) : m.Index;
                var flipped = negative ? line[..signIndex] + line[(signIndex + 1)..] : PyLine.Splice(line, m.Index, m.Length, "-" + m.Value);
                yield return CandidateDraft.Line(RepairKind.OffByOne, n, flipped, inRange ? 0.3 : 0.12,
                    $"the constant {(negative ? "-" : "")}{m.Value} on line {n} may have the wrong sign (a step or direction reversed)");
            }
        }
        foreach (Match m in LengthCall().Matches(masked))
        {
            var after = masked[(m.Index + m.Length)..].TrimStart();
            if (after.StartsWith("- 1", StringComparison.Ordinal) || after.StartsWith("-1", StringComparison.Ordinal))
            {
                var cut = masked.IndexOf('1', m.Index + m.Length) + 1;
                yield return CandidateDraft.Line(RepairKind.LengthBound, n, line[..(m.Index + m.Length)] + line[cut..], 0.4,
                    $"the bound {line.Substring(m.Index, cut - m.Index).Trim()} on line {n} may stop one element early");
            }
            else if (!after.StartsWith('+') && !after.StartsWith('-'))
            {
                var end = m.Index + m.Length;
                yield return CandidateDraft.Line(RepairKind.LengthBound, n, line[..end] + " - 1" + line[end..], 0.3,
                    $"the bound {line.Substring(m.Index, m.Length)} on line {n} may run one element too far");
            }
        }
    }

    private static bool IsBinary(string masked, int index)
    {
        var before = masked[..index].TrimEnd();
        return before.Length > 0 && !IsUnaryContext(before);
    }

    private static bool IsUnaryContext(string before)
    {
        var trimmed = before.TrimEnd();
        if (trimmed.Length == 0)
        {
            return true;
        }
        var last = trimmed[^1];
        if (char.IsLetterOrDigit(last) || last is '_' or ')' or ']' or '"' or '\'' or '}')
        {
            return PyLine.Identifier().Match(trimmed, Math.Max(0, LastWordStart(trimmed))) is { Success: true } w
                && w.Index + w.Length == trimmed.Length && PyLine.Keywords.Contains(w.Value);
        }
        return true;
    }

    private static int LastWordStart(string text)
    {
        var i = text.Length - 1;
        while (i >= 0 && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i--;
        }
        return i + 1;
    }

    [GeneratedRegex(@"(?<![<>=!\-])(<=|>=|==|!=|<(?![<=])|>(?![>=]))")]
    private static partial Regex ComparisonOperator();

    [GeneratedRegex(@"(?<![*/+\-%=<>!])(\+=|-=|//|\+|-(?!>)|\*(?!\*)|/|%)(?![=*/])")]
    private static partial Regex ArithmeticOperator();

    [GeneratedRegex(@"\b(and|or)\b")]
    private static partial Regex AndOr();

    [GeneratedRegex(@"\bnot\s+(?!in\b)")]
    private static partial Regex NotWord();

    [GeneratedRegex(@"^\s*(?:if|elif|while)\s+(?<cond>.+):\s*$")]
    private static partial Regex ConditionHead();

    [GeneratedRegex(@"^[\w.]+(\([^()]*\))?$")]
    private static partial Regex SimpleOperand();

    [GeneratedRegex(@"(?<![\w.])\d+(?![\w.])")]
    private static partial Regex IntegerLiteral();

    [GeneratedRegex(@"\.(?<method>\w+)\((?<args>[^()]*)\)")]
    private static partial Regex MethodCall();

    [GeneratedRegex(@"(?<=[\w\)\]])\[\s*(?<sign>-?)(?<value>\d+)\s*\]")]
    private static partial Regex LiteralIndex();

    [GeneratedRegex(@"\brange\(")]
    private static partial Regex RangeCall();

    [GeneratedRegex(@"\blen\([^()]*\)")]
    private static partial Regex LengthCall();

    [GeneratedRegex(@"\b(True|False)\b")]
    private static partial Regex BoolLiteral();
}
