using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TraceFix.Server.Security;

namespace TraceFix.Server.Tests.Security;

/// <summary>
/// Every endpoint the real app maps states who may call it, and that matches this table. A new endpoint is unknown here
/// and fails the test with its route pattern until it is added with a deliberate choice.
/// </summary>
public sealed class EndpointPolicyTests
{
    private const string Operator = "operator";
    private const string Anonymous = "anonymous";

    /// <summary>"METHODS pattern" (methods sorted, comma-separated; "*" for any) → who may call it.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        // Driving an environment: every method, HTTP and WebSocket.
        ["* /ws"] = Operator,
        ["POST /reset"] = Operator,
        ["POST /step"] = Operator,
        ["GET /state"] = Operator,
        ["POST /sessions"] = Operator,
        ["DELETE /sessions/{sessionId}"] = Operator,
        ["POST /mcp/"] = Operator,
        ["DELETE /mcp/"] = Operator,
        ["GET /mcp/"] = Operator,
        // The environment's description and the API docs.
        ["GET /health"] = Anonymous,
        ["GET /schema"] = Anonymous,
        ["GET /metadata"] = Anonymous,
        ["GET /openapi.json"] = Anonymous,
        ["GET /docs/{documentName?}"] = Anonymous,
        ["GET /docs/scalar.js"] = Anonymous,
        ["GET /docs/scalar.aspnetcore.js"] = Anonymous,
        ["GET /docs/favicon.svg"] = Anonymous,
        // Probes and the scrape.
        ["* /health/live"] = Anonymous,
        ["* /health/ready"] = Anonymous,
        ["* /metrics"] = Anonymous,
        // Dashboard reads.
        ["GET /api/tasks/"] = Anonymous,
        ["GET /api/tasks/{name}"] = Anonymous,
        ["GET /api/runs/"] = Anonymous,
        ["GET /api/runs/{id:guid}"] = Anonymous,
        ["GET /api/runs/{id:guid}/steps"] = Anonymous,
        ["GET /api/runs/{id:guid}/steps/{sequence:long}/exchange"] = Anonymous,
        ["GET /api/runs/{id:guid}/export"] = Anonymous,
        ["GET /api/episodes/{id:long}"] = Anonymous,
        ["GET /api/leaderboard"] = Anonymous,
        ["GET /api/models"] = Anonymous,
        ["GET /api/shared/{token}"] = Anonymous,
        ["GET,HEAD,OPTIONS /api/{**path}"] = Anonymous,
        // Dashboard writes.
        ["POST /api/runs/"] = Operator,
        ["POST /api/runs/{id:guid}/cancel"] = Operator,
        ["DELETE /api/runs/{id:guid}"] = Operator,
        ["POST /api/runs/import"] = Operator,
        ["POST /api/runs/{id:guid}/share"] = Operator,
        ["DELETE /api/runs/{id:guid}/share/{linkId:guid}"] = Operator,
        ["POST /api/play/"] = Operator,
        ["POST /api/play/{id:guid}/step"] = Operator,
        ["DELETE /api/play/{id:guid}"] = Operator,
        ["DELETE,PATCH,POST,PUT /api/{**path}"] = Operator,
        // The live feed is read-only (viewers subscribe), and the dashboard itself.
        ["* /hubs/runs"] = Anonymous,
        ["* /hubs/runs/negotiate"] = Anonymous,
        ["GET,HEAD {*path:nonfile}"] = Anonymous,
    };

    [Fact]
    public async Task EveryMappedEndpoint_StatesTheAccessOfItsTable()
    {
        await using var app = new TraceFixApp();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var key = Key(endpoint);
            seen.Add(key);
            var actual = Access(endpoint);
            if (!Expected.TryGetValue(key, out var expected))
            {
                problems.Add($"unknown endpoint '{key}' ({actual ?? "no explicit policy"}): add it to EndpointPolicyTests.Expected");
            }
            else if (actual != expected)
            {
                problems.Add($"'{key}' is {actual ?? "without an explicit policy"}, expected {expected}");
            }
        }
        problems.AddRange(Expected.Keys.Where(key => !seen.Contains(key)).Select(key => $"'{key}' is in the table but not mapped"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task AnythingWithoutAnEndpointPolicy_FallsBackToTheOperator()
    {
        await using var app = AuthorizationTests.Create();
        var options = app.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value;
        var http = app.CreateClient();

        // No endpoint matches a missing file: only the fallback policy decides, and it wants the key.
        var missing = await http.GetAsync("/no-such-asset.css");
        var unknownMethod = await http.SendAsync(new HttpRequestMessage(new HttpMethod("PROPFIND"), "/reset"));

        Assert.Same(TraceFixPolicies.OperatorPolicy, options.FallbackPolicy);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownMethod.StatusCode);
    }

    private static string Key(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        var verbs = methods is null || methods.Count == 0 ? "*" : string.Join(",", methods.Order(StringComparer.Ordinal));
        return $"{verbs} {endpoint.RoutePattern.RawText}";
    }

    private static string? Access(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Anonymous;
        }
        return endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == TraceFixPolicies.Operator) ? Operator : null;
    }
}
