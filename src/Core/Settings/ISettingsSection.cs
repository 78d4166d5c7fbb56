namespace TraceFix.Core.Settings;

/// <summary>
/// An options class bound from one configuration section. Every section lives under <c>TraceFix:</c>; the server binds
/// and validates it the same way (its data annotations are checked at start-up and a bad value names its full key).
/// </summary>
public interface ISettingsSection
{
    /// <summary>The full configuration path, e.g. <c>TraceFix:Sandbox</c>.</summary>
    static abstract string Section { get; }
}
