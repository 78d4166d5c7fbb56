using Microsoft.EntityFrameworkCore;

namespace TraceFix.Server.Store;

public sealed partial class RunStore
{
    /// <summary>Stores a new link to the run; null when the run does not exist.</summary>
    public async Task<ShareLinkRecord?> CreateShareAsync(Guid runId, DateTimeOffset createdAt, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        if (!await db.Runs.AnyAsync(r => r.Id == runId, cancellationToken))
        {
            return null;
        }
        var link = new ShareLinkRecord { Id = Guid.CreateVersion7(), RunId = runId, CreatedAt = createdAt, ExpiresAt = expiresAt };
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }

    /// <summary>Revokes a link of the run (idempotent); false when the run has no such link.</summary>
    public async Task<bool> RevokeShareAsync(Guid runId, Guid linkId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var link = await db.ShareLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.RunId == runId, cancellationToken);
        if (link is null)
        {
            return false;
        }
        link.RevokedAt ??= revokedAt;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The link; null when it does not exist (never issued, or its run was deleted with it).</summary>
    public async Task<ShareLinkRecord?> GetShareAsync(Guid linkId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.ShareLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == linkId, cancellationToken);
    }
}
