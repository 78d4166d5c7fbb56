using System.Text.Json;
using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.Http;

/// <summary>
/// Finds the session an HTTP request addresses. The handle may come from the <c>session_id</c> query parameter, the
/// <c>X-Session-Id</c> header, a <c>session_id</c> body field or the <c>tracefix_session</c> cookie, in that order;
/// a request without one uses the shared default session.
/// </summary>
public static class HttpSessionHandle
{
    public const string Header = "X-Session-Id";
    public const string QueryKey = "session_id";
    public const string Cookie = "tracefix_session";

    public static string? Read(HttpRequest request, JsonElement body)
    {
        if (request.Query[QueryKey].ToString() is { Length: > 0 } fromQuery)
        {
            return fromQuery;
        }
        if (request.Headers[Header].ToString() is { Length: > 0 } fromHeader)
        {
            return fromHeader;
        }
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(QueryKey, out var fromBody) && fromBody.ValueKind == JsonValueKind.String)
        {
            return fromBody.GetString();
        }
        return request.Cookies[Cookie] is { Length: > 0 } fromCookie ? fromCookie : null;
    }

    /// <summary>The addressed session, or the error response to send (404 for an unknown handle, 503 at capacity).</summary>
    public static (HostedSession? Session, IResult? Error) Resolve(HttpContext context, SessionManager sessions, JsonElement body)
    {
        var handle = Read(context.Request, body);
        if (handle is null or SessionManager.DefaultHttpSessionId)
        {
            var opened = sessions.OpenOrGetDefault();
            return opened.Session is { } shared ? (Tag(context, shared), null) : (null, HttpResponses.OpenFailed(opened));
        }
        if (sessions.Find(handle) is { Kind: SessionKind.Http } session)
        {
            return (Tag(context, session), null);
        }
        if (sessions.OtherInstanceOf(handle) is { } owner)
        {
            // Behind a load balancer without sticky routing: say so rather than start a silent new episode here.
            return (null, HttpResponses.Problem(StatusCodes.Status421MisdirectedRequest, "Session lives on another instance",
                $"HTTP session '{handle}' lives on instance '{owner}', and this request reached '{sessions.InstanceName}'. " +
                "HTTP sessions need sticky routing to the instance that opened them (see docs/deploy.md); WebSocket sessions (/ws) do not.",
                ErrorCodes.SessionError));
        }
        return (null, HttpResponses.Problem(StatusCodes.Status404NotFound, "Unknown session",
            $"No open HTTP session '{handle}' (it may have expired after being idle). Create one with POST /sessions, or send no handle to use the shared session.",
            ErrorCodes.SessionError));
    }

    private static HostedSession Tag(HttpContext context, HostedSession session)
    {
        context.Response.Headers[Header] = session.Id;
        return session;
    }
}
