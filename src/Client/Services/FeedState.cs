namespace TraceFix.Client.Services;

public enum FeedState
{
    Disconnected,
    Connecting,
    Connected,
    Reconnecting,
}
