using Microsoft.AspNetCore.Http.HttpResults;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Api;

/// <summary><c>/api/tasks</c>: the catalog, with description and buggy code only (never the hidden tests or the fix).</summary>
public static class TasksApi
{
    /// <summary>Reads only, on <paramref name="reads"/> (under /api).</summary>
    public static void MapTasksApi(IEndpointRouteBuilder reads)
    {
        var group = reads.MapGroup("/tasks").WithTags("Tasks");
        group.MapGet("/", List);
        group.MapGet("/{name}", Get);
    }

    private static Ok<List<TaskSummary>> List(TaskCatalog catalog) =>
        TypedResults.Ok(catalog.All.Select(t =>
            new TaskSummary(t.Name, t.Id, t.Difficulty.ToWire(), t.Title, t.BugType, t.SolutionLines.Count)).ToList());

    private static Results<Ok<TaskDetail>, ProblemHttpResult> Get(string name, TaskCatalog catalog) =>
        catalog.Find(name) is { } t
            ? TypedResults.Ok(new TaskDetail(t.Name, t.Id, t.Difficulty.ToWire(), t.Title, t.Description, t.BugType, t.SolutionCode))
            : ApiResults.NotFound($"task '{name}' does not exist");
}
