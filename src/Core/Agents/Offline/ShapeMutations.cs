using System.Text.RegularExpressions;

namespace TraceFix.Core.Agents.Offline;

/// <summary>
/// Slips in the shape of a statement rather than in one token: '=' where '+=' was meant inside a loop, an index one
/// off, a statement indented into the block above it, one side of a comparison not transformed like the other, and
/// two names in each other's place.
/// </summary>
internal static partial class ShapeMutations
{
    public static IEnumerable<CandidateDraft> For(PySource source, PyFunction function, int n)
    {
        var line = source.Line(n);
        var masked = PyLine.Mask(line);
        var locals = source.LocalsOf(function);

        if (PlainAssignment().Match(masked) is { Success: true } assign && InsideLoop(source, function, n)
            && source.Uses(function, assign.Groups["name"].Value).Any(u => u < n))
        {
            var op = assign.Groups["op"];
            yield return CandidateDraft.Line(RepairKind.Accumulator, n, PyLine.Splice(line, op.Index, op.Length, "+="), 0.4,
                $"'{assign.Groups["name"].Value}' is overwritten on every pass of the loop at line {n}; it may be meant to accumulate (+=)");
        }

        foreach (Match m in NameIndex().Matches(masked))
        {
            var name = m.Groups["name"];
            foreach (var delta in new[] { " - 1", " + 1" })
            {
                yield return CandidateDraft.Line(RepairKind.IndexShift, n, PyLine.Splice(line, name.Index, name.Length, name.Value + delta), 0.2,
                    $"the index {name.Value} on line {n} may be off by one (counting from 1 instead of 0, or the reverse)");
            }
        }

        if (EndsBlock(source, n) && PyLine.Indent(line).Length >= function.BodyIndent.Length + 4)
        {
            yield return CandidateDraft.Line(RepairKind.Indentation, n, line[4..], Regex.IsMatch(masked.Trim(), @"^return\b") ? 0.4 : 0.2,
                $"line {n} closes its block; it may belong one level out, after the block instead of inside it");
        }

        foreach (Match m in ComparedToCall().Matches(masked))
        {
            var bare = m.Groups["bare"];
            var call = m.Groups["func"].Value;
            if (locals.Contains(bare.Value) && !PySource.IsAttribute(masked, bare.Index))
            {
                yield return CandidateDraft.Line(RepairKind.Symmetry, n, PyLine.Splice(line, bare.Index, bare.Length, $"{call}({bare.Value})"), 0.35,
                    $"line {n} compares {call}(...) with a bare '{bare.Value}'; both sides may need {call}()");
            }
        }

        var names = PyLine.Names(line).Where(m => locals.Contains(m.Value) && !PySource.IsAttribute(line, m.Index)).ToList();
        var single = names.GroupBy(m => m.Value).Where(g => g.Count() == 1).Select(g => g.Single()).ToList();
        for (var a = 0; a < single.Count; a++)
        {
            for (var b = a + 1; b < single.Count; b++)
            {
                var (first, second) = single[a].Index < single[b].Index ? (single[a], single[b]) : (single[b], single[a]);
                var swapped = PyLine.Splice(PyLine.Splice(line, second.Index, second.Length, first.Value), first.Index, first.Length, second.Value);
                yield return CandidateDraft.Line(RepairKind.VariableSwap, n, swapped, 0.2,
                    $"'{first.Value}' and '{second.Value}' on line {n} may be in each other's place");
            }
        }
    }

    private static bool InsideLoop(PySource source, PyFunction function, int n) =>
        Enumerable.Range(function.DefLine + 1, n - function.DefLine - 1).Any(k => source.IsCode(k)
            && Regex.IsMatch(PyLine.Mask(source.Line(k)), @"^\s*(for|while)\b")
            && PyLine.Indent(source.Line(k)).Length < PyLine.Indent(source.Line(n)).Length
            && StructureMutations.LoopBody(source, k).End >= n);

    private static bool EndsBlock(PySource source, int n)
    {
        var next = Enumerable.Range(n + 1, Math.Max(0, source.Lines.Count - n)).FirstOrDefault(source.IsCode);
        return next == 0 || PyLine.Indent(source.Line(next)).Length < PyLine.Indent(source.Line(n)).Length;
    }

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_]\w*)\s*(?<op>=)(?!=)\s*\S")]
    private static partial Regex PlainAssignment();

    [GeneratedRegex(@"(?<=[\w\)\]])\[\s*(?<name>[A-Za-z_]\w*)\s*\]")]
    private static partial Regex NameIndex();

    [GeneratedRegex(@"\b(?<func>[A-Za-z_]\w*)\([A-Za-z_]\w*\)\s*(==|!=)\s*(?<bare>[A-Za-z_]\w*)\b(?!\s*[\(\[.])")]
    private static partial Regex ComparedToCall();
}
