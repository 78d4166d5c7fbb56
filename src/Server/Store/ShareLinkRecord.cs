namespace TraceFix.Server.Store;

/// <summary>A read-only link to a run. Its token (see <c>Runs/Sharing/ShareLinks</c>) carries only <see cref="Id"/>; this row decides expiry and revocation.</summary>
public sealed class ShareLinkRecord
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
