namespace TraceFix.Core.Tasks;

/// <summary>Why a task directory could not be loaded; the message names the file and the problem.</summary>
public sealed record TaskLoadError(string Directory, string Message)
{
    public override string ToString() => $"{Directory}: {Message}";
}
