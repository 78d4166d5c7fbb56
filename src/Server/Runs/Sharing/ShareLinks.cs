using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs.Sharing;

/// <summary>What opening a share token found.</summary>
public enum ShareState
{
    Open,
    Forged,
    Expired,
    Revoked,
    RunDeleted,
}

/// <summary>
/// Read-only links to runs. A token is the link's id protected by Data Protection (authenticated encryption, purpose
/// <see cref="Purpose"/>), so it cannot be forged or altered; the link's row decides expiry and revocation.
/// </summary>
public sealed class ShareLinks(RunStore store, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Purpose = "TraceFix.ShareLinks.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>A new link to the run, valid for <paramref name="hours"/>; null when the run does not exist.</summary>
    public async Task<ShareLink?> CreateAsync(Guid runId, int hours, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var link = await store.CreateShareAsync(runId, now, now.AddHours(hours), cancellationToken);
        return link is null ? null : new ShareLink(link.Id, runId, "/shared/" + _protector.Protect(link.Id.ToString("N")), link.ExpiresAt);
    }

    public Task<bool> RevokeAsync(Guid runId, Guid linkId, CancellationToken cancellationToken) =>
        store.RevokeShareAsync(runId, linkId, clock.GetUtcNow(), cancellationToken);

    public async Task<(ShareState State, SharedRun? Run)> OpenAsync(string token, CancellationToken cancellationToken)
    {
        if (!TryReadId(token, out var linkId))
        {
            return (ShareState.Forged, null);
        }
        var link = await store.GetShareAsync(linkId, cancellationToken);
        if (link is null)
        {
            // A genuine token whose row is gone: its run was deleted (links go with it).
            return (ShareState.RunDeleted, null);
        }
        if (link.RevokedAt is not null)
        {
            return (ShareState.Revoked, null);
        }
        if (link.ExpiresAt <= clock.GetUtcNow())
        {
            return (ShareState.Expired, null);
        }
        return (ShareState.Open, new SharedRun(link.RunId, link.Id, link.ExpiresAt));
    }

    private bool TryReadId(string token, out Guid id)
    {
        id = Guid.Empty;
        try
        {
            return Guid.TryParseExact(_protector.Unprotect(token), "N", out id);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
