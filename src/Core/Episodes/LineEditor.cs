using TraceFix.Core.Tasks;

namespace TraceFix.Core.Episodes;

/// <summary>Applies REPLACE_LINES (1-based, inclusive) to a list of lines without touching the input.</summary>
internal static class LineEditor
{
    public static LineEdit Replace(IReadOnlyList<string> lines, int? startLine, int? endLine, string? block)
    {
        if (startLine is not { } start || endLine is not { } end)
        {
            return LineEdit.Failed(OutputTexts.MissingLineNumbers, Rewards.InvalidEdit);
        }
        if (start < 1 || end > lines.Count || start > end)
        {
            return LineEdit.Failed(OutputTexts.InvalidRange(start, end, lines.Count), Rewards.InvalidEdit, start, end);
        }

        var removed = end - start + 1;
        var deleting = string.IsNullOrEmpty(block);
        if (deleting && removed > Rewards.MaxDeletedLines)
        {
            return LineEdit.Failed(OutputTexts.MassDeletion(start, end, removed), Rewards.MassDeletion, start, end);
        }

        var inserted = deleting
            ? []
            : AutoIndent.Apply(SourceText.SplitLines(block!), AutoIndent.LeadingWhitespace(lines[start - 1]));
        var next = new List<string>(lines.Count - removed + inserted.Count);
        next.AddRange(lines.Take(start - 1));
        next.AddRange(inserted);
        next.AddRange(lines.Skip(end));
        if (next.Count == 0)
        {
            // A file is never zero lines: keep one empty line so REPLACE_LINES 1..1 can still write into it.
            next.Add("");
        }

        var anchor = inserted.Count > 0 ? start + inserted.Count - 1 : Math.Min(start, next.Count);
        return new LineEdit(next, start, end, inserted.Count, anchor, null, 0);
    }
}
