using TraceFix.Client.Services;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Tests.Support;

/// <summary>An API that answers from memory and records what it was asked.</summary>
internal sealed class FakeRunsApi : IRunsApi
{
    public Dictionary<Guid, RunDetail> Runs { get; } = [];
    public List<StartRunRequest> Started { get; } = [];
    public List<TaskSummary> Tasks { get; } = [new("sum_even_wrong_condition", null, "easy", "Sum of evens", "wrong_condition", 11)];
    public Func<StartRunRequest, Task<RunAccepted>>? OnStart { get; set; }

    public Task<PagedResult<RunSummary>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new PagedResult<RunSummary>([.. Runs.Values.Select(r => r.Run)], query.Page, query.PageSize, Runs.Count));

    public Task<RunDetail> GetRunAsync(Guid id, CancellationToken cancellationToken = default) =>
        Runs.TryGetValue(id, out var run) ? Task.FromResult(run) : throw new ApiException("Run not found.", 404);

    public Task<RunDetail> GetRunHeaderAsync(Guid id, CancellationToken cancellationToken = default) =>
        Runs.TryGetValue(id, out var run)
            ? Task.FromResult(run with { Episodes = [.. run.Episodes.Select(e => e with { Steps = [] })] })
            : throw new ApiException("Run not found.", 404);

    public async Task<IReadOnlyList<StepDto>> GetStepsAsync(Guid id, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        StepPages++;
        if (Stalled.Contains(id))
        {
            StalledLoads.Add(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        return [.. Runs[id].Episodes.SelectMany(e => e.Steps).Where(s => s.Sequence > afterSequence).OrderBy(s => s.Sequence).Take(limit)];
    }

    public int StepPages { get; private set; }

    public List<StepSearch> Searches { get; } = [];

    public Dictionary<long, ModelExchange> Exchanges { get; } = [];

    public Task<ModelExchange?> GetExchangeAsync(Guid id, long sequence, CancellationToken cancellationToken = default) =>
        Task.FromResult(Exchanges.GetValueOrDefault(sequence));

    /// <summary>Free text in the thought and action filters, like the server's search (which has its own tests).</summary>
    public Task<IReadOnlyList<StepDto>> SearchStepsAsync(Guid id, StepSearch search, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        Searches.Add(search);
        return Task.FromResult<IReadOnlyList<StepDto>>([.. Runs[id].Episodes.SelectMany(e => e.Steps)
            .Where(s => s.Sequence > afterSequence)
            .Where(s => search.Text is null || s.Thought.Contains(search.Text, StringComparison.OrdinalIgnoreCase))
            .Where(s => search.Actions is not { Count: > 0 } || search.Actions.Contains(s.Action.Type))
            .OrderBy(s => s.Sequence).Take(limit)]);
    }

    /// <summary>Runs whose step pages never arrive: a load in flight that only cancellation ends.</summary>
    public HashSet<Guid> Stalled { get; } = [];

    /// <summary>The tokens of the stalled loads, to check that they were cancelled.</summary>
    public List<CancellationToken> StalledLoads { get; } = [];

    public Task<RunAccepted> StartRunAsync(StartRunRequest request, CancellationToken cancellationToken = default)
    {
        Started.Add(request);
        return OnStart?.Invoke(request) ?? Task.FromResult(new RunAccepted(Guid.NewGuid(), "/api/runs/x"));
    }

    public Task CancelRunAsync(Guid id, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public List<Guid> Deleted { get; } = [];

    public Dictionary<string, SharedRun> SharedRuns { get; } = [];

    public List<Guid> Revoked { get; } = [];

    public Task<ShareLink> ShareRunAsync(Guid id, int? expiresInHours = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ShareLink(Guid.NewGuid(), id, $"/shared/token-for-{id}", DateTimeOffset.UtcNow.AddHours(expiresInHours ?? 168)));

    public Task RevokeShareAsync(Guid id, Guid linkId, CancellationToken cancellationToken = default)
    {
        Revoked.Add(id);
        return Task.CompletedTask;
    }

    public Task<SharedRun> OpenShareAsync(string token, CancellationToken cancellationToken = default) =>
        SharedRuns.TryGetValue(token, out var run)
            ? Task.FromResult(run)
            : throw new ApiException("This share link was revoked by the run's owner.", 410);

    public Task DeleteRunAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (Runs.TryGetValue(id, out var run) && !run.Run.Status.IsTerminal())
        {
            throw new ApiException($"run {id} is still queued or running; cancel it first", 409);
        }
        Deleted.Add(id);
        Runs.Remove(id);
        return Task.CompletedTask;
    }

    public List<string> Imported { get; } = [];

    public async Task<RunAccepted> ImportRunAsync(Stream jsonl, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(jsonl);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (!text.StartsWith('{'))
        {
            throw new ApiException("line 1: not a JSON object", 400);
        }
        Imported.Add(text);
        var id = Guid.NewGuid();
        return new RunAccepted(id, $"/api/runs/{id}");
    }

    public Task<IReadOnlyList<TaskSummary>> ListTasksAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TaskSummary>>(Tasks);

    public List<ModelInfo> Models { get; } = [new("default", "fake-default", 0, 0)];

    public Task<IReadOnlyList<ModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ModelInfo>>(Models);

    public Task<TaskDetail> GetTaskAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(new TaskDetail(name, null, "easy", "Sum of evens", "Add up the even numbers.", null, "def f():\n    return 1\n"));

    public List<LeaderboardRow> Leaderboard { get; } = [];

    public Task<IReadOnlyList<LeaderboardRow>> GetLeaderboardAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeaderboardRow>>(Leaderboard);

    public List<CodeAction> PlayedActions { get; } = [];

    public Task<PlaySession> StartPlayAsync(StartPlayRequest request, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid();
        return Task.FromResult(new PlaySession(id, id, 1, request.Task ?? "sum_even", "easy", 50, Dtos.Result(Dtos.Original, done: false)));
    }

    public Task<PlayStepResult> PlayStepAsync(Guid sessionId, CodeAction action, CancellationToken cancellationToken = default)
    {
        PlayedActions.Add(action);
        var step = Dtos.Step(PlayedActions.Count, PlayedActions.Count, action.ActionType, 0.1) with
        {
            Action = new StepActionDto(action.ActionType, action.StartLine, action.EndLine, action.NewCodeBlock),
        };
        return Task.FromResult(new PlayStepResult(step, Dtos.Result(Dtos.Original, done: action.ActionType == ActionType.SUBMIT)));
    }
}
