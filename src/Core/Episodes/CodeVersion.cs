using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Core.Episodes;

/// <summary>One immutable version of the agent's file with its syntax verdict; derived texts are built once per version.</summary>
internal sealed class CodeVersion(IReadOnlyList<string> lines, SyntaxCheck? syntax, string? source = null)
{
    private string? _source = source;
    private string? _listing;

    public IReadOnlyList<string> Lines { get; } = lines;

    public SyntaxCheck? Syntax { get; } = syntax;

    public string Source => _source ??= SourceText.Join(Lines);

    /// <summary>The VIEW_CODE text.</summary>
    public string Listing => _listing ??= OutputTexts.FullSource(Lines);

    public Dictionary<string, string> ToCodeDict()
    {
        var dict = new Dictionary<string, string>(Lines.Count);
        for (var i = 0; i < Lines.Count; i++)
        {
            dict[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] = Lines[i];
        }
        return dict;
    }
}
