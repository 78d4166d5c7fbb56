using System.Text.Json;
using Microsoft.Extensions.Options;
using TraceFix.Contracts.Episodes;
using TraceFix.Core.Episodes;
using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.OpenEnv.Tools;
using TraceFix.Server.OpenEnv.Validation;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.Http;

/// <summary>
/// OpenEnv's HTTP surface (POST /reset, POST /step, GET /state) backed by persistent sessions instead of a fresh
/// environment per request, plus POST /sessions and DELETE /sessions/{id} to manage private handles.
/// </summary>
public static class HttpEnvironmentEndpoints
{
    // Bodies are read as JSON whatever their declared type (as `curl -d` sends form encoding), so no request gets a 415.
    private const string AnyContentType = "*/*";

    public static IEndpointRouteBuilder MapHttpEnvironment(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Environment (HTTP)");
        group.MapPost("/reset", ResetAsync)
            .WithSummary("Start a new episode in the addressed session")
            .Accepts<ResetRequestDocument>(isOptional: true, "application/json", AnyContentType)
            .Produces<StepResponse>()
            .Produces<ValidationProblemDocument>(StatusCodes.Status422UnprocessableEntity)
            .Produces<ProblemDocument>(StatusCodes.Status400BadRequest, HttpResponses.ProblemContentType)
            .Produces<ProblemDocument>(StatusCodes.Status404NotFound, HttpResponses.ProblemContentType)
            .Produces<ProblemDocument>(StatusCodes.Status503ServiceUnavailable, HttpResponses.ProblemContentType);
        group.MapPost("/step", StepAsync)
            .WithSummary("Apply one action to the episode of the addressed session")
            .Accepts<StepRequestDocument>("application/json", AnyContentType)
            .Produces<StepResponse>()
            .Produces<ValidationProblemDocument>(StatusCodes.Status422UnprocessableEntity)
            .Produces<ProblemDocument>(StatusCodes.Status409Conflict, HttpResponses.ProblemContentType)
            .Produces<ProblemDocument>(StatusCodes.Status404NotFound, HttpResponses.ProblemContentType);
        group.MapGet("/state", StateAsync)
            .WithSummary("The state of the addressed session's episode")
            .Produces<EpisodeState>()
            .Produces<ProblemDocument>(StatusCodes.Status404NotFound, HttpResponses.ProblemContentType);
        group.MapPost("/sessions", OpenSession)
            .WithSummary("Open a private HTTP session; its id is returned, set as a cookie and echoed in X-Session-Id")
            .Produces<SessionDocument>(StatusCodes.Status201Created)
            .Produces<ProblemDocument>(StatusCodes.Status503ServiceUnavailable, HttpResponses.ProblemContentType);
        group.MapDelete("/sessions/{sessionId}", CloseSessionAsync)
            .WithSummary("Close an HTTP session and discard its episode")
            .Produces(StatusCodes.Status204NoContent)
            .Produces<ProblemDocument>(StatusCodes.Status404NotFound, HttpResponses.ProblemContentType);
        return app;
    }

    private static async Task<IResult> ResetAsync(HttpContext context, SessionManager sessions, IOptions<EnvironmentServerOptions> options)
    {
        using var body = await JsonBody.ReadAsync(context.Request, options.Value.MaxMessageBytes);
        if (body.Error is { } bodyError)
        {
            return bodyError;
        }
        var arguments = ResetValidator.Validate(body.Root, "body");
        if (!arguments.IsValid)
        {
            return HttpResponses.Invalid(arguments.Errors);
        }
        return await CallAsync(context, sessions, body.Root,
            async (env, ct) => new StepResponseResult(await env.ResetAsync(arguments.Value!, ct)));
    }

    private static async Task<IResult> StepAsync(HttpContext context, SessionManager sessions, IOptions<EnvironmentServerOptions> options)
    {
        using var body = await JsonBody.ReadAsync(context.Request, options.Value.MaxMessageBytes);
        if (body.Error is { } bodyError)
        {
            return bodyError;
        }
        var errors = StepRequestErrors(body.Root);
        if (errors.Count > 0)
        {
            return HttpResponses.Invalid(errors);
        }
        if (IToolActionHandler.IsToolAction(body.Root.GetProperty("action"))
            && context.RequestServices.GetService<IToolActionHandler>() is { } tools)
        {
            return await ToolStepAsync(context, sessions, body.Root, tools);
        }
        var action = ActionValidator.Validate(body.Root.GetProperty("action"), "body", "action");
        if (!action.IsValid)
        {
            return HttpResponses.Invalid(action.Errors);
        }
        return await CallAsync(context, sessions, body.Root,
            async (env, ct) => new StepResponseResult(await env.StepAsync(action.Value!, ct)));
    }

    /// <summary>OpenEnv's ListToolsAction / CallToolAction as the action of POST /step.</summary>
    private static async Task<IResult> ToolStepAsync(HttpContext context, SessionManager sessions, JsonElement body, IToolActionHandler tools)
    {
        var (session, error) = HttpSessionHandle.Resolve(context, sessions, body);
        if (session is null)
        {
            return error!;
        }
        try
        {
            var outcome = await tools.StepAsync(session, body.GetProperty("action"), ["body", "action"], context.RequestAborted);
            return outcome.Response is null ? HttpResponses.Invalid(outcome.Errors) : Results.Json(outcome.Response, WireJson.Plain);
        }
        catch (SessionClosedException ex)
        {
            return HttpResponses.Failure(EnvironmentFailure.From(ex));
        }
    }

    private static Task<IResult> StateAsync(HttpContext context, SessionManager sessions) =>
        CallAsync(context, sessions, default, async (env, ct) => HttpResponses.Json(await env.GetStateAsync(ct)));

    private static IResult OpenSession(HttpContext context, SessionManager sessions, IOptions<EnvironmentServerOptions> options)
    {
        var opened = sessions.Open(SessionKind.Http);
        if (opened.Session is not { } session)
        {
            return HttpResponses.OpenFailed(opened);
        }
        context.Response.Headers[HttpSessionHandle.Header] = session.Id;
        context.Response.Cookies.Append(HttpSessionHandle.Cookie, session.Id,
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", IsEssential = true });
        var document = new SessionDocument(session.Id, opened.ActiveSessions, opened.MaxSessions, options.Value.IdleTimeout.TotalSeconds);
        return Results.Json(document, WireJson.Plain, "application/json", StatusCodes.Status201Created);
    }

    private static async Task<IResult> CloseSessionAsync(string sessionId, HttpContext context, SessionManager sessions)
    {
        if (sessions.Find(sessionId) is not { Kind: SessionKind.Http } session)
        {
            return HttpResponses.Problem(StatusCodes.Status404NotFound, "Unknown session", $"No open HTTP session '{sessionId}'.", ErrorCodes.SessionError);
        }
        await sessions.CloseAsync(session);
        if (context.Request.Cookies[HttpSessionHandle.Cookie] == sessionId)
        {
            context.Response.Cookies.Delete(HttpSessionHandle.Cookie);
        }
        return Results.NoContent();
    }

    private static async Task<IResult> CallAsync(HttpContext context, SessionManager sessions, JsonElement body,
        Func<IEnvironmentSession, CancellationToken, Task<IResult>> call)
    {
        var (session, error) = HttpSessionHandle.Resolve(context, sessions, body);
        if (session is null)
        {
            return error!;
        }
        try
        {
            return await session.RunAsync(call, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception ex)
        {
            var failure = EnvironmentFailure.From(ex);
            if (failure.IsUnexpected)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpEnvironmentEndpoints))
                    .LogWarning(ex, "Environment call failed in HTTP session {SessionId}", session.Id);
            }
            return HttpResponses.Failure(failure);
        }
    }

    /// <summary>The request wrapper: <c>action</c> is required; <c>timeout_s</c> and <c>request_id</c> are type-checked; other keys are allowed.</summary>
    private static List<ValidationError> StepRequestErrors(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return [body.ValueKind == JsonValueKind.Undefined
                ? ValidationErrors.Custom("missing", ["body"], ValidationErrors.JsonString(""), "Field required")
                : ValidationErrors.NotAnObject(["body"], body, "a StepRequest")];
        }
        var errors = new List<ValidationError>();
        if (!body.TryGetProperty("action", out _))
        {
            errors.Add(ValidationErrors.Missing(["body", "action"], body));
        }
        if (body.TryGetProperty("timeout_s", out var timeout) && timeout.ValueKind != JsonValueKind.Null
            && (timeout.ValueKind != JsonValueKind.Number || timeout.GetDouble() <= 0))
        {
            errors.Add(ValidationErrors.Custom("greater_than", ["body", "timeout_s"], timeout, "Input should be a number greater than 0"));
        }
        if (body.TryGetProperty("request_id", out var requestId) && requestId.ValueKind is not (JsonValueKind.Null or JsonValueKind.String))
        {
            errors.Add(ValidationErrors.WrongType(["body", "request_id"], requestId, FieldKind.NullableString));
        }
        if (body.TryGetProperty("session_id", out var sessionId) && sessionId.ValueKind is not (JsonValueKind.Null or JsonValueKind.String))
        {
            errors.Add(ValidationErrors.WrongType(["body", "session_id"], sessionId, FieldKind.NullableString));
        }
        return errors;
    }
}
