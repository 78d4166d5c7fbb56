namespace TraceFix.Server.Store;

/// <summary>One key of the ASP.NET Core Data Protection key ring, as XML, kept with the store so every instance shares it.</summary>
public sealed class DataProtectionKeyRecord
{
    public long Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
