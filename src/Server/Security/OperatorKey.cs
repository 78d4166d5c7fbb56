using System.Security.Cryptography;
using System.Text;

namespace TraceFix.Server.Security;

/// <summary>
/// Compares a presented key with the configured one in constant time: both are hashed first, so neither the content
/// nor the length of the key shows in the comparison's duration.
/// </summary>
public sealed class OperatorKey(string key)
{
    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public bool Matches(string? presented)
    {
        var candidate = SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? ""));
        return CryptographicOperations.FixedTimeEquals(candidate, _hash) && presented is not null;
    }

    /// <summary>The key from <c>Authorization: Bearer</c> or <c>X-TraceFix-Key</c>, or null.</summary>
    public static string? Presented(HttpRequest request)
    {
        if (request.Headers[KeyHeader] is { Count: 1 } direct)
        {
            return direct[0];
        }
        var authorization = request.Headers.Authorization;
        if (authorization.Count == 1 && authorization[0] is { } value
            && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return value[BearerPrefix.Length..].Trim();
        }
        return null;
    }

    public const string KeyHeader = "X-TraceFix-Key";
    private const string BearerPrefix = "Bearer ";
}
