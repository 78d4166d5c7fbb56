namespace TraceFix.Core.Tasks;

/// <summary>A reset named a task that is not in the catalog; the message lists the known names.</summary>
public sealed class UnknownTaskException(string name, IEnumerable<string> known)
    : ArgumentException($"Unknown task '{name}'. Known tasks: {string.Join(", ", known)}.")
{
    public string RequestedName { get; } = name;
}
