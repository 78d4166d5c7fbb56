using System.Text;
using System.Text.RegularExpressions;

namespace TraceFix.Core.Agents.Offline;

/// <summary>Lexical helpers for one line of Python: indentation, string masking, identifiers.</summary>
public static partial class PyLine
{
    public static string Indent(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }
        return line[..i];
    }

    public static bool IsBlankOrComment(string line) => line.Trim() is "" or ['#', ..];

    /// <summary>
    /// The line with the insides of string literals and any comment replaced by spaces, same length, so operator
    /// rewrites never touch text inside quotes.
    /// </summary>
    public static string Mask(string line)
    {
        var masked = new StringBuilder(line);
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                if (c == '\\' && i + 1 < line.Length)
                {
                    masked[i] = ' ';
                    masked[i + 1] = ' ';
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }
                else
                {
                    masked[i] = ' ';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#')
            {
                for (var j = i; j < line.Length; j++)
                {
                    masked[j] = ' ';
                }
                break;
            }
        }
        return masked.ToString();
    }

    /// <summary>Identifiers outside string literals, in order of appearance (attribute names included).</summary>
    public static IEnumerable<Match> Names(string line) => Identifier().Matches(Mask(line)).Where(m => !Keywords.Contains(m.Value));

    public static readonly HashSet<string> Keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    public static string Splice(string line, int index, int length, string replacement) =>
        line[..index] + replacement + line[(index + length)..];

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")]
    public static partial Regex Identifier();
}
