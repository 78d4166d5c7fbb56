namespace TraceFix.Contracts.Runs;

/// <summary>How a run id is shown in short. Run ids are version-7 GUIDs whose leading digits are a timestamp, so runs
/// started within the same minute share them; the trailing digits are random and tell such runs apart.</summary>
public static class RunIdText
{
    public static string Short(Guid id) => id.ToString("N")[^8..];
}
