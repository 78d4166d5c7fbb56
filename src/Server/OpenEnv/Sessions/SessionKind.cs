namespace TraceFix.Server.OpenEnv.Sessions;

public enum SessionKind
{
    WebSocket,
    Http,
}
