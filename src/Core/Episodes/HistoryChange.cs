namespace TraceFix.Core.Episodes;

/// <summary>What a step does to the undo stack when its new code is applied.</summary>
internal enum HistoryChange
{
    None,
    Push,
    Pop,
    Clear,
}
