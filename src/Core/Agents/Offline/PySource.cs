using System.Text.RegularExpressions;

namespace TraceFix.Core.Agents.Offline;

/// <summary>A function or method of the file: its name, parameters and the 1-based lines it spans.</summary>
public sealed record PyFunction(string Name, int DefLine, int EndLine, string BodyIndent, IReadOnlyList<string> Parameters, string? ClassName);

/// <summary>
/// A light structural reading of a Python file, enough to propose edits: which lines are code (not blank, comment or
/// docstring), the functions and their locals, module-level constants.
/// </summary>
public sealed partial class PySource
{
    public PySource(IReadOnlyList<string> lines)
    {
        Lines = lines;
        NonCode = FindDocstrings(lines);
        Functions = FindFunctions(lines);
        Constants = FindConstants(lines);
    }

    public IReadOnlyList<string> Lines { get; }

    public IReadOnlyList<PyFunction> Functions { get; }

    /// <summary>Module-level NAME = literal assignments, with the literal's kind ("str", "number", "other").</summary>
    public IReadOnlyDictionary<string, string> Constants { get; }

    private HashSet<int> NonCode { get; }

    public string Line(int number) => Lines[number - 1];

    public bool IsCode(int number) => number >= 1 && number <= Lines.Count && !NonCode.Contains(number) && !PyLine.IsBlankOrComment(Lines[number - 1]);

    public IEnumerable<int> CodeLines => Enumerable.Range(1, Lines.Count).Where(IsCode);

    public PyFunction? FunctionAt(int number) => Functions.Where(f => number >= f.DefLine && number <= f.EndLine).MaxBy(f => f.DefLine);

    /// <summary>Names bound inside a function: parameters, assignment targets, loop and with targets.</summary>
    public IReadOnlyList<string> LocalsOf(PyFunction function)
    {
        if (_locals.TryGetValue(function, out var known))
        {
            return known;
        }
        var names = new List<string>(function.Parameters.Where(p => p != "self"));
        for (var n = function.DefLine + 1; n <= function.EndLine; n++)
        {
            if (!IsCode(n))
            {
                continue;
            }
            var masked = PyLine.Mask(Lines[n - 1]);
            foreach (Match m in AssignTarget().Matches(masked))
            {
                foreach (var part in m.Groups["targets"].Value.Split(','))
                {
                    Add(names, part.Trim());
                }
            }
            if (ForTarget().Match(masked) is { Success: true } loop)
            {
                foreach (var part in loop.Groups["targets"].Value.Split(','))
                {
                    Add(names, part.Trim().Trim('(', ')').Trim());
                }
            }
        }
        _locals[function] = names;
        return names;
    }

    private readonly Dictionary<PyFunction, IReadOnlyList<string>> _locals = [];

    /// <summary>Lines (1-based) inside the function whose code mentions the name outside strings.</summary>
    public IEnumerable<int> Uses(PyFunction function, string name) => Enumerable
        .Range(function.DefLine + 1, Math.Max(0, function.EndLine - function.DefLine))
        .Where(n => IsCode(n) && PyLine.Names(Lines[n - 1]).Any(m => m.Value == name && !IsAttribute(Lines[n - 1], m.Index)));

    public static bool IsAttribute(string line, int index) => index > 0 && line[index - 1] == '.';

    private static void Add(List<string> names, string name)
    {
        if (PyLine.Identifier().Match(name) is { Success: true } m && m.Value == name && !PyLine.Keywords.Contains(name) && !names.Contains(name))
        {
            names.Add(name);
        }
    }

    private static HashSet<int> FindDocstrings(IReadOnlyList<string> lines)
    {
        var result = new HashSet<int>();
        string? open = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var trimmed = lines[i].Trim();
            if (open is not null)
            {
                result.Add(i + 1);
                if (trimmed.Contains(open, StringComparison.Ordinal))
                {
                    open = null;
                }
                continue;
            }
            foreach (var quote in new[] { "\"\"\"", "'''" })
            {
                var start = trimmed.StartsWith(quote, StringComparison.Ordinal) ? 0
                    : trimmed.Length > 1 && trimmed[1..].StartsWith(quote, StringComparison.Ordinal) && char.IsLetter(trimmed[0]) ? 1 : -1;
                if (start < 0)
                {
                    continue;
                }
                result.Add(i + 1);
                if (trimmed.IndexOf(quote, start + 3, StringComparison.Ordinal) < 0)
                {
                    open = quote;
                }
                break;
            }
        }
        return result;
    }

    private IReadOnlyList<PyFunction> FindFunctions(IReadOnlyList<string> lines)
    {
        var functions = new List<PyFunction>();
        for (var i = 0; i < lines.Count; i++)
        {
            var match = DefLine().Match(lines[i]);
            if (!match.Success || NonCode.Contains(i + 1))
            {
                continue;
            }
            var indent = match.Groups["indent"].Value;
            var end = i + 1;
            string? bodyIndent = null;
            for (var j = i + 1; j < lines.Count; j++)
            {
                if (PyLine.IsBlankOrComment(lines[j]) && !NonCode.Contains(j + 1))
                {
                    continue;
                }
                var own = PyLine.Indent(lines[j]);
                if (own.Length <= indent.Length && !NonCode.Contains(j + 1))
                {
                    break;
                }
                bodyIndent ??= own;
                end = j + 1;
            }
            var parameters = match.Groups["params"].Value.Split(',')
                .Select(p => p.Split(['=', ':'])[0].Trim().TrimStart('*'))
                .Where(p => p.Length > 0)
                .ToList();
            functions.Add(new PyFunction(match.Groups["name"].Value, i + 1, end, bodyIndent ?? indent + "    ", parameters, ClassOf(lines, i, indent)));
        }
        return functions;
    }

    private static string? ClassOf(IReadOnlyList<string> lines, int defIndex, string indent)
    {
        if (indent.Length == 0)
        {
            return null;
        }
        for (var j = defIndex - 1; j >= 0; j--)
        {
            if (ClassLine().Match(lines[j]) is { Success: true } m && m.Groups["indent"].Value.Length < indent.Length)
            {
                return m.Groups["name"].Value;
            }
        }
        return null;
    }

    private static Dictionary<string, string> FindConstants(IReadOnlyList<string> lines)
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (ModuleConstant().Match(line) is { Success: true } m)
            {
                var value = m.Groups["value"].Value.Trim();
                constants[m.Groups["name"].Value] = value.StartsWith('"') || value.StartsWith('\'') ? "str"
                    : double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _) ? "number" : "other";
            }
        }
        return constants;
    }

    [GeneratedRegex(@"^(?<indent>\s*)(?:async\s+)?def\s+(?<name>\w+)\s*\((?<params>[^)]*)\)")]
    private static partial Regex DefLine();

    [GeneratedRegex(@"^(?<indent>\s*)class\s+(?<name>\w+)")]
    private static partial Regex ClassLine();

    [GeneratedRegex(@"^(?<name>[A-Za-z_]\w*)\s*=\s*(?<value>.+)$")]
    private static partial Regex ModuleConstant();

    [GeneratedRegex(@"^\s*(?<targets>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*(?:[-+*/%]|//)?=(?!=)")]
    private static partial Regex AssignTarget();

    [GeneratedRegex(@"^\s*for\s+(?<targets>[\w\s,()]+?)\s+in\s")]
    private static partial Regex ForTarget();
}
