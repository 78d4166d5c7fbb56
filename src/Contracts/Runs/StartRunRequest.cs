using System.Text.Json.Serialization;

namespace TraceFix.Contracts.Runs;

/// <summary>
/// Body of <c>POST /api/runs</c>. Choose tasks by name (<see cref="Tasks"/>) or by tier (<see cref="Difficulty"/>:
/// easy, medium, hard or all), not both. It never carries an API key: the LLM agent's key comes from server configuration.
/// </summary>
/// <param name="Agent">offline, llm or replay.</param>
/// <param name="Model">For the llm agent: a configured endpoint's name (<c>GET /api/models</c>) or <c>default</c>; when the
/// server names no endpoints, any model id for the default endpoint. The server's default when omitted.</param>
/// <param name="MaxSteps">Step budget per episode, 1..50 (default 50).</param>
/// <param name="ReplaySourceRunId">The stored run whose actions a replay re-executes (required for replay).</param>
/// <param name="ForkFrom">Start from a stored step instead of the task's buggy code: one episode on that step's task
/// (give no tasks or difficulty); maxSteps defaults to the parent run's.</param>
/// <param name="Models">For the llm agent, instead of <paramref name="Model"/>: several endpoints, one run each on the same
/// tasks and seed.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StartRunRequest(
    string Agent,
    string? Model = null,
    IReadOnlyList<string>? Tasks = null,
    string? Difficulty = null,
    int? MaxSteps = null,
    int? Seed = null,
    Guid? ReplaySourceRunId = null,
    ForkPoint? ForkFrom = null,
    IReadOnlyList<string>? Models = null);
