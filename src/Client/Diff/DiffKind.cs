namespace TraceFix.Client.Diff;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}
