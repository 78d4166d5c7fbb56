using System.Text;

namespace TraceFix.Cli.Output;

/// <summary>A plain aligned text table: header, a rule, rows. Numeric-looking columns are right-aligned.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public TextTable Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Select(r => r.ElementAtOrDefault(i)?.Length ?? 0).DefaultIfEmpty(0).Max())).ToArray();
        var numeric = headers.Select((_, i) => _rows.Count > 0 && _rows.All(r => IsNumeric(r.ElementAtOrDefault(i) ?? ""))).ToArray();
        var text = new StringBuilder();
        Line(text, headers, widths, new bool[headers.Length]);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))).TrimEnd());
        foreach (var row in _rows)
        {
            Line(text, row, widths, numeric);
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, string[] cells, int[] widths, bool[] numeric)
    {
        var parts = widths.Select((w, i) => numeric[i] ? (cells.ElementAtOrDefault(i) ?? "").PadLeft(w) : (cells.ElementAtOrDefault(i) ?? "").PadRight(w));
        text.AppendLine(string.Join("  ", parts).TrimEnd());
    }

    private static bool IsNumeric(string cell) => cell.Length > 0 && cell.All(c => char.IsDigit(c) || c is '.' or '/' or '-' or '%' or 's');
}
