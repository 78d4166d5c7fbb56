using System.Text.RegularExpressions;

namespace TraceFix.Core.Agents.Offline;

/// <summary>
/// Proposes repairs for a file and ranks them: every mutation family runs over the code lines, and each proposal is
/// scored by its family's prior, how suspicious its line is (traceback and anchor lines first, then lines of the
/// functions the failing tests name, then the rest) and what the failing values suggest.
/// </summary>
public static partial class CandidateGenerator
{
    public static IReadOnlyList<RepairCandidate> Generate(IReadOnlyList<string> lines, FailureEvidence evidence, int seed = 0)
    {
        var source = new PySource(lines);
        var signals = new EvidenceSignals(evidence);
        var weights = LineWeights(source, evidence);

        var drafts = new List<CandidateDraft>();
        foreach (var n in source.CodeLines)
        {
            var masked = PyLine.Mask(source.Line(n)).TrimStart();
            if (evidence.SyntaxError)
            {
                drafts.AddRange(LiteralMutations.SyntaxRepairs(source, n));
            }
            if (Header().IsMatch(masked))
            {
                continue;
            }
            drafts.AddRange(OperatorMutations.For(source, n));
            drafts.AddRange(LiteralMutations.DictSwaps(source, n));
            if (source.FunctionAt(n) is { } function && n != function.DefLine)
            {
                drafts.AddRange(LiteralMutations.NameSwaps(source, function, n));
                drafts.AddRange(ShapeMutations.For(source, function, n));
            }
        }
        foreach (var function in source.Functions)
        {
            drafts.AddRange(StructureMutations.For(source, function));
            drafts.AddRange(SymmetryMutations.For(source, function));
        }

        // Different families can propose the same file; keep the best-scored reading of it.
        var original = string.Join("\n", lines);
        var best = new Dictionary<string, RepairCandidate>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            var weight = Enumerable.Range(draft.Start, draft.End - draft.Start + 1).Max(n => weights.GetValueOrDefault(n, 0.5));
            var candidate = new RepairCandidate(draft.Kind, draft.Start, draft.End, draft.Lines,
                Math.Round(draft.Prior * weight * signals.For(draft.Kind), 6), draft.Rationale);
            var key = candidate.ResultKey(lines);
            if (key != original && (!best.TryGetValue(key, out var known) || known.Score < candidate.Score))
            {
                best[key] = candidate;
            }
        }
        var ranked = best.Values;
        return ranked
            .OrderByDescending(c => c.Score)
            .ThenBy(c => Tiebreak(c, seed))
            .ToList();
    }

    public static IReadOnlyList<string> Findings(FailureEvidence evidence) => new EvidenceSignals(evidence).Notes;

    private static Dictionary<int, double> LineWeights(PySource source, FailureEvidence evidence)
    {
        var weights = source.CodeLines.ToDictionary(n => n, _ => 1.0);
        var testWords = evidence.Failures
            .SelectMany(f => f.TestName.Split('_', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w is not "test" && w.Length > 1)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var function in source.Functions.Where(f => testWords.Contains(f.Name.Trim('_'))))
        {
            Scale(weights, function.DefLine, function.EndLine, 1.6);
        }
        foreach (var error in evidence.ErrorLines.Where(e => e >= 1 && e <= source.Lines.Count))
        {
            if (source.FunctionAt(error) is { } function)
            {
                Scale(weights, function.DefLine, function.EndLine, 1.3);
            }
            Scale(weights, error - 2, error + 2, 1.8);
            Scale(weights, error, error, 2.2);
        }
        return weights;
    }

    private static void Scale(Dictionary<int, double> weights, int from, int to, double factor)
    {
        for (var n = from; n <= to; n++)
        {
            if (weights.TryGetValue(n, out var w))
            {
                weights[n] = w * factor;
            }
        }
    }

    private static int Tiebreak(RepairCandidate candidate, int seed)
    {
        // A stable FNV-1a hash (string.GetHashCode is randomised per process), mixed with the seed.
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in candidate.StartLine + "|" + string.Join("\n", candidate.NewLines))
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash & 0x7fffffff);
    }

    [GeneratedRegex(@"^(def|class|import|from|@)\b|^@")]
    private static partial Regex Header();
}
