namespace TraceFix.Server.Hosting;

/// <summary>The server's own start-up checks found the configuration unusable; the message says what to change.</summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : Exception(message, inner);
