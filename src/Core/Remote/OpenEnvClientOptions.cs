namespace TraceFix.Core.Remote;

/// <summary>Timeouts of the WebSocket client, with the Python client's defaults.</summary>
public sealed record OpenEnvClientOptions
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest reply accepted; the Python client allows 100 MB.</summary>
    public int MaxMessageBytes { get; init; } = 100 * 1024 * 1024;

    /// <summary>http://host:port → ws://host:port/ws (https → wss), as the Python client derives it.</summary>
    public static Uri WebSocketUri(string baseUrl)
    {
        var trimmed = baseUrl.Trim().TrimEnd('/');
        var ws = trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + trimmed[8..]
            : trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + trimmed[7..]
            : trimmed;
        return new Uri(ws + "/ws");
    }
}
