using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace TraceFix.Server.Store;

/// <summary>
/// The Data Protection key ring in the store's <c>data_protection_keys</c> table: links signed before a restart, or by
/// another instance on the same database, still open. The interface is synchronous, so are these calls (rare: the key
/// ring is read at start and when a key rolls over).
/// </summary>
public sealed class StoreXmlRepository(IDbContextFactory<TraceFixDb> factory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = factory.CreateDbContext();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = factory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
