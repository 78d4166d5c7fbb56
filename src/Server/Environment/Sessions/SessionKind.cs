namespace TraceFix.Server.Environment.Sessions;

public enum SessionKind
{
    WebSocket,
    Http,
}
