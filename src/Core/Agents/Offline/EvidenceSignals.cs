using System.Text.RegularExpressions;

namespace TraceFix.Core.Agents.Offline;

/// <summary>
/// Patterns in the failing tests' expected and actual values, turned into weights per repair family: a function that
/// returns its own input points at the return statement, a float index at a division, unlowered words at a missing
/// .lower(), and so on.
/// </summary>
public sealed partial class EvidenceSignals
{
    private readonly Dictionary<string, double> _boost = new(StringComparer.Ordinal);

    public EvidenceSignals(FailureEvidence evidence)
    {
        Notes = [];
        var valued = evidence.Failures.Where(f => f.Got is not null && f.Expected is not null).ToList();
        if (evidence.SyntaxError)
        {
            Boost(RepairKind.SyntaxRepair, 30, "the file does not parse, so the syntax error comes first");
        }
        if (valued.Any(f => SameValue(f.Got!, f.Input)))
        {
            Boost(RepairKind.ReturnLocal, 6, "some results are exactly the input, so the function seems to hand back its argument unchanged");
        }
        if (valued.Any(f => IsEmpty(f.Got!) && !IsEmpty(f.Expected!)))
        {
            Boost(RepairKind.Accumulator, 4, "results come back empty or zero, so an update of the result may be missing");
            Boost(RepairKind.ReturnLocal, 2.5, null);
            Boost(RepairKind.ReturnMissing, 3, null);
        }
        if (valued.Any(f => f.Got is "True" or "False"))
        {
            Boost(RepairKind.ReturnCondition, 2.5, "a yes/no answer is wrong, so a condition or a fixed True/False is suspect");
            Boost(RepairKind.Negation, 1.4, null);
            Boost(RepairKind.DictSwap, 1.3, null);
        }
        if (valued.Any(f => HasUpper(Strings(f.Got!)) && !HasUpper(Strings(f.Expected!)) && LowerEquivalent(f)))
        {
            Boost(RepairKind.MissingLower, 8, "results keep upper-case letters the expected values do not have, so a .lower() seems missing");
        }
        if (evidence.Failures.Any(f => f.Input is { } input && HasUpper(Strings(input))))
        {
            Boost(RepairKind.MissingLower, 2.5, "failing inputs contain upper-case letters, so letter case may not be normalised");
        }
        if (evidence.Failures.Any(f => f.Input is { } input && Unordered(input)))
        {
            Boost(RepairKind.MissingSort, 1.8, "failing inputs arrive out of order, so the code may rely on an order it never establishes");
        }
        if (valued.Any(f => Punctuation(Strings(f.Got!)) > Punctuation(Strings(f.Expected!))))
        {
            Boost(RepairKind.MissingStrip, 8, "results keep punctuation the expected values do not have, so a .strip(...) seems missing");
        }
        if (valued.Any(f => Nesting(f.Got!) > Nesting(f.Expected!)))
        {
            Boost(RepairKind.MissingRecursion, 6, "results are still nested where a flat value is expected, so a recursive call seems missing");
            Boost(RepairKind.Negation, 1.5, null);
        }
        if (valued.Any(f => f.Got != f.Expected && Sorted(f.Got!) == Sorted(f.Expected!)))
        {
            Boost(RepairKind.MissingSort, 4, "results hold the right items in the wrong order");
            Boost(RepairKind.Comparison, 1.3, null);
            Boost(RepairKind.SiblingCall, 1.5, null);
        }
        if (valued.Any(f => NearInteger(f.Got!, f.Expected!)))
        {
            Boost(RepairKind.OffByOne, 1.6, "numbers are off by a little, or -1 where a position was expected: a boundary looks wrong");
            Boost(RepairKind.Comparison, 1.8, null);
            Boost(RepairKind.LengthBound, 1.5, null);
        }
        if (valued.Any(f => Length(f.Got!) is { } g && Length(f.Expected!) is { } e && g != e && g > 0))
        {
            Boost(RepairKind.OffByOne, 1.5, "results have the wrong length, so a range bound or step looks wrong");
            Boost(RepairKind.LengthBound, 1.5, null);
            Boost(RepairKind.Comparison, 1.3, null);
            Boost(RepairKind.SiblingCall, 1.3, null);
            Boost(RepairKind.BooleanLiteral, 1.3, null);
        }

        foreach (var type in evidence.ExceptionTypes)
        {
            switch (type)
            {
                case "TypeError" when FloatIndex().IsMatch(evidence.Output):
                    Boost(RepairKind.FloorDivision, 25, "a float is used where an integer index is needed, so a '/' should probably be '//'");
                    break;
                case "TypeError":
                    Boost(RepairKind.Negation, 3, "a value of the wrong type reaches an operation, so a branch may send values the wrong way");
                    Boost(RepairKind.MissingRecursion, 1.5, null);
                    Boost(RepairKind.VariableSwap, 2, null);
                    break;
                case "RecursionError":
                    Boost(RepairKind.Negation, 4, "the recursion never stops, so a branch condition looks inverted");
                    Boost(RepairKind.Comparison, 1.5, null);
                    break;
                case "IndexError":
                    Boost(RepairKind.OffByOne, 2.5, "an index runs past the end, so a bound is probably off by one");
                    Boost(RepairKind.IndexShift, 3, null);
                    Boost(RepairKind.LengthBound, 2.5, null);
                    Boost(RepairKind.Comparison, 1.8, null);
                    break;
                case "ZeroDivisionError":
                    Boost(RepairKind.Comparison, 2, "a division by zero suggests a missing or wrong guard");
                    Boost(RepairKind.OffByOne, 1.5, null);
                    break;
                case "NameError" or "UnboundLocalError" or "AttributeError":
                    Boost(RepairKind.VariableSwap, 4, $"a {type} suggests a wrong name");
                    Boost(RepairKind.CallSwap, 2, null);
                    break;
                case "KeyError":
                    Boost(RepairKind.DictSwap, 2, "a KeyError suggests a wrong key or mapping");
                    Boost(RepairKind.SiblingCall, 1.5, null);
                    break;
            }
        }
    }

    /// <summary>Plain-language findings, for the agent's thoughts.</summary>
    public List<string> Notes { get; }

    public double For(string kind) => _boost.GetValueOrDefault(kind, 1.0);

    private void Boost(string kind, double factor, string? note)
    {
        _boost[kind] = For(kind) * factor;
        if (note is not null && !Notes.Contains(note))
        {
            Notes.Add(note);
        }
    }

    private static bool SameValue(string got, string? input)
    {
        if (input is null)
        {
            return false;
        }
        var g = Squash(got);
        if (g is "None" or "True" or "False" || long.TryParse(g, out _))
        {
            // Small scalars match arguments by coincidence too often to mean anything.
            return false;
        }
        var i = Squash(input);
        // The harness writes the call itself (input=f('abc')); compare with its arguments.
        if (CallSource().Match(i) is { Success: true } call)
        {
            i = "(" + call.Groups[1].Value + ")";
        }
        if (g == i)
        {
            return true;
        }
        // input=('abc',) or input=('abc', 2): the first argument alone.
        if (i.StartsWith('(') && i.EndsWith(')'))
        {
            var inner = i[1..^1].TrimEnd(',');
            return inner == g || inner.Split(',')[0] == g && !g.Contains(',');
        }
        return false;
    }

    private static bool Unordered(string input)
    {
        var numbers = Regex.Matches(input, @"-?\d+").Select(m => long.TryParse(m.Value, out var v) ? v : 0).ToList();
        return numbers.Count >= 3 && numbers.Zip(numbers.Skip(1)).Any(p => p.Second < p.First);
    }

    private static string Squash(string text) => WhiteSpace().Replace(text.Trim(), "");

    private static bool IsEmpty(string value) => Squash(value) is "0" or "0.0" or "''" or "\"\"" or "[]" or "{}" or "()" or "None" or "set()";

    private static string Strings(string repr) => string.Concat(QuotedText().Matches(repr).Select(m => m.Groups[2].Value));

    private static bool HasUpper(string text) => text.Any(char.IsUpper);

    private static bool LowerEquivalent(TestFailure failure) =>
        Strings(failure.Got!).ToLowerInvariant().Distinct().All(c => Strings(failure.Expected!).Contains(c, StringComparison.Ordinal) || !char.IsLetter(c));

    private static int Punctuation(string text) => text.Count(c => ".,;:!?()[]\"'".Contains(c, StringComparison.Ordinal));

    private static int Nesting(string repr)
    {
        int depth = 0, max = 0;
        foreach (var c in Regex.Replace(repr, @"'[^']*'|""[^""]*""", ""))
        {
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            max = Math.Max(max, depth);
        }
        return max;
    }

    private static string Sorted(string repr) => new([.. Squash(repr).Order()]);

    private static bool NearInteger(string got, string expected) =>
        long.TryParse(got.Trim(), out var g) && long.TryParse(expected.Trim(), out var e) && (Math.Abs(g - e) <= 2 || g == -1 && e >= 0 || e == -1 && g >= 0);

    private static int? Length(string repr)
    {
        var text = repr.Trim();
        if (text.Length >= 2 && (text[0] is '\'' or '"') && text[^1] == text[0])
        {
            return text.Length - 2;
        }
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            return text.Length == 2 ? 0 : Squash(text).Count(c => c == ',') + 1;
        }
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z_][\w.]*\((.*)\)$")]
    private static partial Regex CallSource();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"(['""])(.*?)\1")]
    private static partial Regex QuotedText();

    [GeneratedRegex(@"float|must be integers|integer", RegexOptions.IgnoreCase)]
    private static partial Regex FloatIndex();
}
