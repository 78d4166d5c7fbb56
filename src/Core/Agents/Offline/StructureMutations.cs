using System.Text.RegularExpressions;

namespace TraceFix.Core.Agents.Offline;

/// <summary>
/// Rewrites that need the shape of a function: what it returns, which locals it builds, which statements its sibling
/// methods have, where its loops are.
/// </summary>
internal static partial class StructureMutations
{
    public static IEnumerable<CandidateDraft> For(PySource source, PyFunction function)
    {
        var locals = source.LocalsOf(function);
        var built = BuiltLocals(source, function, locals);
        for (var n = function.DefLine + 1; n <= function.EndLine; n++)
        {
            if (!source.IsCode(n))
            {
                continue;
            }
            var line = source.Line(n);
            var masked = PyLine.Mask(line);
            foreach (var draft in Returns(source, function, n, line, masked, locals, built))
            {
                yield return draft;
            }
            foreach (var draft in MissingCalls(source, function, n, line, masked))
            {
                yield return draft;
            }
        }
        foreach (var draft in MissingReturn(source, function))
        {
            yield return draft;
        }
        foreach (var draft in Accumulators(source, function, locals))
        {
            yield return draft;
        }
        foreach (var draft in SiblingCalls(source, function))
        {
            yield return draft;
        }
    }

    /// <summary>Locals assigned more than once or changed in place: the values a function builds up.</summary>
    private static HashSet<string> BuiltLocals(PySource source, PyFunction function, IReadOnlyList<string> locals)
    {
        var built = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in locals.Where(l => !function.Parameters.Contains(l)))
        {
            var writes = source.Uses(function, name).Count(n =>
            {
                var masked = PyLine.Mask(source.Line(n)).Trim();
                return Regex.IsMatch(masked, $@"^{Regex.Escape(name)}\s*([-+*/%]|//)?=(?!=)")
                    || Regex.IsMatch(masked, $@"^{Regex.Escape(name)}(\.\w+\(|\[)");
            });
            if (writes >= 2)
            {
                built.Add(name);
            }
        }
        return built;
    }

    private static IEnumerable<CandidateDraft> Returns(PySource source, PyFunction function, int n, string line, string masked,
        IReadOnlyList<string> locals, HashSet<string> built)
    {
        if (ReturnLine().Match(masked) is not { Success: true } ret)
        {
            yield break;
        }
        var indent = PyLine.Indent(line);
        // The masked line has any comment blanked: the expression ends where it does, the comment is kept as it was.
        var exprEnd = Math.Max(ret.Groups["expr"].Index, masked.TrimEnd().Length);
        var returned = line[ret.Groups["expr"].Index..exprEnd].Trim();
        var comment = line[exprEnd..].TrimEnd() is { Length: > 0 } rest ? "  " + rest.Trim() : "";
        // The function's final return decides its result; early returns inside branches rarely carry this kind of bug.
        var final = indent == function.BodyIndent;
        foreach (var local in locals.Where(l => l != returned))
        {
            var isBuilt = built.Contains(local);
            var returnedIsParam = function.Parameters.Contains(returned);
            var prior = isBuilt && !source.Uses(function, local).Any(u => ReturnLine().IsMatch(PyLine.Mask(source.Line(u))))
                ? (returnedIsParam ? 1.2 : 0.7)
                : 0.12;
            yield return CandidateDraft.Line(RepairKind.ReturnLocal, n, $"{indent}return {local}{comment}", final ? prior : prior * 0.3,
                isBuilt
                    ? $"line {n} returns {(returned.Length == 0 ? "nothing" : returned)}, while the function builds '{local}' and never returns it"
                    : $"line {n} returns {(returned.Length == 0 ? "nothing" : returned)}; '{local}' may be the value meant");
        }
        if (returned is "True" or "False" && final)
        {
            var collections = locals.Where(l => source.Uses(function, l).Any(u => Regex.IsMatch(PyLine.Mask(source.Line(u)), $@"\b{Regex.Escape(l)}\s*=\s*(\[\]|\{{\}}|set\(\)|list\(\)|deque\(\))")));
            foreach (var local in collections)
            {
                var condition = returned == "True" ? $"len({local}) == 0" : $"len({local}) > 0";
                yield return CandidateDraft.Line(RepairKind.ReturnCondition, n, $"{indent}return {condition}{comment}", 0.45,
                    $"line {n} always returns {returned}, ignoring what is left in '{local}'");
            }
        }
    }

    private static IEnumerable<CandidateDraft> MissingCalls(PySource source, PyFunction function, int n, string line, string masked)
    {
        if (Assignment().Match(masked) is { Success: true } assign && !masked.TrimStart().StartsWith("for ", StringComparison.Ordinal))
        {
            var rhsStart = assign.Groups["rhs"].Index;
            var rhs = line[rhsStart..].TrimEnd();
            var head = line[..rhsStart];
            var stringy = rhs.Contains(".strip(", StringComparison.Ordinal) || rhs.Contains(".lower(", StringComparison.Ordinal)
                || rhs.Contains(".upper(", StringComparison.Ordinal) || rhs.Contains(".replace(", StringComparison.Ordinal)
                || Regex.IsMatch(rhs, @"^[A-Za-z_]\w*$");
            if (stringy && !rhs.Contains(".lower()", StringComparison.Ordinal))
            {
                yield return CandidateDraft.Line(RepairKind.MissingLower, n, $"{head}{rhs}.lower()", 0.3,
                    $"the value built on line {n} keeps its letter case; a .lower() call may be missing");
            }
            if (stringy && !rhs.Contains(".strip(", StringComparison.Ordinal))
            {
                foreach (var constant in source.Constants.Where(c => c.Value == "str").Select(c => c.Key))
                {
                    yield return CandidateDraft.Line(RepairKind.MissingStrip, n, $"{head}{rhs}.strip({constant})", 0.3,
                        $"the value built on line {n} keeps surrounding characters; a .strip({constant}) call may be missing");
                }
                yield return CandidateDraft.Line(RepairKind.MissingStrip, n, $"{head}{rhs}.strip()", 0.15,
                    $"the value built on line {n} keeps surrounding whitespace; a .strip() call may be missing");
            }
        }

        if (ForLoop().Match(masked) is { Success: true } loop)
        {
            var iter = loop.Groups["iter"];
            var iterable = line.Substring(iter.Index, iter.Length).Trim();
            if (!iterable.StartsWith("sorted(", StringComparison.Ordinal) && !iterable.StartsWith("range(", StringComparison.Ordinal))
            {
                var start = iter.Index + (iter.Length - iter.Value.TrimStart().Length);
                yield return CandidateDraft.Line(RepairKind.MissingSort, n, PyLine.Splice(line, start, iterable.Length, $"sorted({iterable})"), 0.3,
                    $"the loop on line {n} walks '{iterable}' in its given order; it may need to be sorted first");
            }
            if (Regex.IsMatch(iterable, @"^[A-Za-z_]\w*$"))
            {
                var start = iter.Index + (iter.Length - iter.Value.TrimStart().Length);
                yield return CandidateDraft.Line(RepairKind.MissingLower, n, PyLine.Splice(line, start, iterable.Length, $"{iterable}.lower()"), 0.15,
                    $"the loop on line {n} reads '{iterable}' with its letter case; a .lower() call may be missing");
            }
            var split = Regex.Match(masked, @"(?<obj>[A-Za-z_]\w*)\.split\(");
            if (split.Success)
            {
                var obj = split.Groups["obj"];
                yield return CandidateDraft.Line(RepairKind.MissingLower, n, PyLine.Splice(line, obj.Index, obj.Length, $"{obj.Value}.lower()"), 0.25,
                    $"the words split on line {n} keep their letter case; a .lower() call may be missing");
            }
        }

        if (ListBuild().Match(masked) is { Success: true } build && function.Name != "__init__")
        {
            var name = build.Groups["name"].Value;
            var indent = PyLine.Indent(line);
            yield return new CandidateDraft(RepairKind.MissingSort, n, n, [line, $"{indent}{name}.sort()"], 0.25,
                $"'{name}' is built on line {n} and used unsorted; a sort may be missing");
        }

        var self = function.Name;
        foreach (Match call in CallWithName().Matches(masked))
        {
            var callee = call.Groups["callee"].Value;
            var arg = call.Groups["arg"];
            if (callee == self || callee is "len" or "range" or "print" or "isinstance" or "str" or "int" or "list" or "type" || PyLine.Keywords.Contains(arg.Value))
            {
                continue;
            }
            yield return CandidateDraft.Line(RepairKind.MissingRecursion, n, PyLine.Splice(line, arg.Index, arg.Length, $"{self}({arg.Value})"), 0.3,
                $"'{arg.Value}' on line {n} is used as it is; it may need to go through {self}() recursively first");
        }
    }

    /// <summary>A function that returns nothing but ends in a bare expression (a call whose value is dropped).</summary>
    private static IEnumerable<CandidateDraft> MissingReturn(PySource source, PyFunction function)
    {
        var body = Enumerable.Range(function.DefLine + 1, function.EndLine - function.DefLine).Where(source.IsCode).ToList();
        if (body.Count == 0 || function.Name == "__init__" || body.Any(n => ReturnLine().IsMatch(PyLine.Mask(source.Line(n)))))
        {
            yield break;
        }
        var last = body[^1];
        var text = source.Line(last);
        var masked = PyLine.Mask(text).Trim();
        if (PyLine.Indent(text) == function.BodyIndent && Regex.IsMatch(masked, @"^[A-Za-z_][\w.]*(\[.*\])?(\.\w+)*\(.*\)$"))
        {
            yield return CandidateDraft.Line(RepairKind.ReturnMissing, last, $"{function.BodyIndent}return {text.Trim()}", 0.5,
                $"{function.Name}() computes '{text.Trim()}' on line {last} and drops it, so it returns None");
        }
    }

    /// <summary>A local set to 0, "" or [] and never changed afterwards, in a function with a loop: the update may be missing.</summary>
    private static IEnumerable<CandidateDraft> Accumulators(PySource source, PyFunction function, IReadOnlyList<string> locals)
    {
        var loops = Enumerable.Range(function.DefLine + 1, function.EndLine - function.DefLine)
            .Where(n => source.IsCode(n) && ForLoop().Match(PyLine.Mask(source.Line(n))) is { Success: true })
            .ToList();
        if (loops.Count == 0)
        {
            yield break;
        }
        foreach (var local in locals.Where(l => !function.Parameters.Contains(l)))
        {
            var uses = source.Uses(function, local).ToList();
            var init = uses.FirstOrDefault(u => Regex.IsMatch(PyLine.Mask(source.Line(u)).Trim(), $@"^{Regex.Escape(local)}\s*=\s*(0|0\.0|""""|''|\[\])\s*$"));
            if (init == 0)
            {
                continue;
            }
            var masked = PyLine.Mask(source.Line(init));
            var isList = masked.TrimEnd().EndsWith("[]", StringComparison.Ordinal);
            var changed = uses.Any(u => u != init && Regex.IsMatch(PyLine.Mask(source.Line(u)).Trim(), $@"^{Regex.Escape(local)}\s*([-+*/%]|//)?=(?!=)|^{Regex.Escape(local)}\.\w+\("));
            var returned = uses.Any(u => ReturnLine().IsMatch(PyLine.Mask(source.Line(u))));
            foreach (var loop in loops.Where(l => l > init))
            {
                var loopMatch = ForLoop().Match(PyLine.Mask(source.Line(loop)));
                var target = loopMatch.Groups["target"].Value.Trim();
                if (!Regex.IsMatch(target, @"^[A-Za-z_]\w*$"))
                {
                    continue;
                }
                var (bodyEnd, bodyIndent) = LoopBody(source, loop);
                var prior = changed ? 0.08 : returned ? 1.5 : 0.5;
                var lastIndent = PyLine.Indent(source.Line(bodyEnd));
                var endsInBranch = lastIndent.Length > bodyIndent.Length && !Regex.IsMatch(source.Line(bodyEnd).Trim(), @"^(continue|break|return\b)");
                // At the loop body's level, and, when the body ends inside a branch, also at the end of that branch.
                foreach (var (indent, weight) in endsInBranch ? [(bodyIndent, 0.9), (lastIndent, 1.0)] : new[] { (bodyIndent, 1.0) })
                {
                    var statement = isList ? $"{indent}{local}.append({target})" : $"{indent}{local} += {target}";
                    yield return new CandidateDraft(RepairKind.Accumulator, bodyEnd, bodyEnd, [source.Line(bodyEnd), statement], prior * weight,
                        $"'{local}' starts empty on line {init} and {(changed ? "is only partly updated" : "is never updated")} in the loop on line {loop}; the update '{statement.Trim()}' may be missing");
                }
            }
        }
    }

    /// <summary>A call statement on a shared attribute (self.x.method(...)) made by one method but missing from a sibling that touches the same attribute.</summary>
    private static IEnumerable<CandidateDraft> SiblingCalls(PySource source, PyFunction function)
    {
        if (function.ClassName is null)
        {
            yield break;
        }
        var siblings = source.Functions.Where(f => f.ClassName == function.ClassName && f != function);
        var locals = source.LocalsOf(function);
        foreach (var sibling in siblings)
        {
            for (var n = sibling.DefLine + 1; n <= sibling.EndLine; n++)
            {
                if (!source.IsCode(n) || CallStatement().Match(PyLine.Mask(source.Line(n))) is not { Success: true } call)
                {
                    continue;
                }
                var statement = source.Line(n).Trim();
                var receiver = call.Groups["receiver"].Value;
                var argNames = PyLine.Names(call.Groups["args"].Value).Select(m => m.Value).Where(a => !PyLine.Keywords.Contains(a));
                var alreadyThere = Enumerable.Range(function.DefLine + 1, function.EndLine - function.DefLine).Any(k => source.Line(k).Trim() == statement);
                if (alreadyThere || !argNames.All(locals.Contains))
                {
                    continue;
                }
                foreach (var k in Enumerable.Range(function.DefLine + 1, function.EndLine - function.DefLine).Where(k => source.IsCode(k)))
                {
                    var text = source.Line(k);
                    if (!text.Contains(receiver, StringComparison.Ordinal) || !ReturnLine().IsMatch(PyLine.Mask(text)) && k != function.EndLine)
                    {
                        continue;
                    }
                    var indent = PyLine.Indent(text);
                    var insertBefore = ReturnLine().IsMatch(PyLine.Mask(text));
                    IReadOnlyList<string> lines = insertBefore ? [indent + statement, text] : [text, indent + statement];
                    yield return new CandidateDraft(RepairKind.SiblingCall, k, k, lines, 0.45,
                        $"{sibling.Name}() calls '{statement}' but {function.Name}() uses {receiver} without it");
                }
            }
        }
    }

    public static (int End, string Indent) LoopBody(PySource source, int loopLine)
    {
        var loopIndent = PyLine.Indent(source.Line(loopLine)).Length;
        var end = loopLine;
        string? indent = null;
        for (var n = loopLine + 1; n <= source.Lines.Count; n++)
        {
            if (PyLine.IsBlankOrComment(source.Line(n)))
            {
                continue;
            }
            var own = PyLine.Indent(source.Line(n));
            if (own.Length <= loopIndent)
            {
                break;
            }
            indent ??= own;
            end = n;
        }
        return (end, indent ?? new string(' ', loopIndent + 4));
    }

    [GeneratedRegex(@"^\s*return\b\s*(?<expr>.*)$")]
    private static partial Regex ReturnLine();

    [GeneratedRegex(@"^\s*[A-Za-z_][\w.]*(\[[^\]]*\])?\s*=(?!=)\s*(?<rhs>\S.*)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^\s*for\s+(?<target>.+?)\s+in\s+(?<iter>.+):\s*$")]
    private static partial Regex ForLoop();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_]\w*)\s*=\s*(\[.*\bfor\b.*\]|list\(.*\))\s*$")]
    private static partial Regex ListBuild();

    [GeneratedRegex(@"(?<![\w.])(?<callee>[A-Za-z_][\w.]*)\((?<arg>[A-Za-z_]\w*)\)")]
    private static partial Regex CallWithName();

    [GeneratedRegex(@"^\s*(?<receiver>self\.\w+)\.\w+\((?<args>[^()]*)\)\s*$")]
    private static partial Regex CallStatement();
}
