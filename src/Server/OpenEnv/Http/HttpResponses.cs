using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.OpenEnv.Validation;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.Http;

/// <summary>Success and error bodies of the HTTP environment API.</summary>
public static class HttpResponses
{
    public const string ProblemContentType = "application/problem+json";

    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, WireJson.Options, "application/json", status);

    public static IResult Invalid(IReadOnlyList<ValidationError> errors) =>
        Results.Json(new ValidationProblemDocument(errors, ErrorCodes.ValidationError), WireJson.Options, "application/json",
            StatusCodes.Status422UnprocessableEntity);

    public static IResult InvalidJson(string message) =>
        Invalid([ValidationErrors.Custom("json_invalid", ["body"], ValidationErrors.JsonString(message), $"JSON decode error: {message}")]);

    public static IResult Problem(int status, string title, string detail, string code) =>
        Results.Json(new ProblemDocument("about:blank", title, status, detail, code), WireJson.Options, ProblemContentType, status);

    public static IResult Failure(EnvironmentFailure failure) => Problem(failure.HttpStatus, failure.Title, failure.Message, failure.Code);

    public static IResult OpenFailed(SessionOpenResult opened) =>
        Results.Json(
            new ProblemDocument("about:blank", opened.ErrorCode == ErrorCodes.CapacityReached ? "Capacity reached" : "Environment unavailable",
                StatusCodes.Status503ServiceUnavailable, opened.ErrorMessage!, opened.ErrorCode!)
            {
                ActiveSessions = opened.ActiveSessions,
                MaxSessions = opened.MaxSessions,
            },
            WireJson.Options, ProblemContentType, StatusCodes.Status503ServiceUnavailable);
}
