using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Services;

/// <summary>The dashboard's view of the /api surface.</summary>
public interface IRunsApi
{
    Task<PagedResult<RunSummary>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default);

    Task<RunDetail> GetRunAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The run and its episodes without their steps: cheap whatever the run's length.</summary>
    Task<RunDetail> GetRunHeaderAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> stored steps with a sequence above <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<StepDto>> GetStepsAsync(Guid id, long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> steps after <paramref name="afterSequence"/> that match <paramref name="search"/> (searched by the server).</summary>
    Task<IReadOnlyList<StepDto>> SearchStepsAsync(Guid id, StepSearch search, long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>The model exchange of one step; null when the step has none (an agent without a model).</summary>
    Task<ModelExchange?> GetExchangeAsync(Guid id, long sequence, CancellationToken cancellationToken = default);

    /// <summary>Creates a read-only link to the run (a write: carries the operator key).</summary>
    Task<ShareLink> ShareRunAsync(Guid id, int? expiresInHours = null, CancellationToken cancellationToken = default);

    Task RevokeShareAsync(Guid id, Guid linkId, CancellationToken cancellationToken = default);

    /// <summary>Checks a share token; an expired, revoked or forged one fails with the server's sentence.</summary>
    Task<SharedRun> OpenShareAsync(string token, CancellationToken cancellationToken = default);

    Task<RunAccepted> StartRunAsync(StartRunRequest request, CancellationToken cancellationToken = default);

    Task CancelRunAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a run that has ended (the server refuses a queued or running one).</summary>
    Task DeleteRunAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Imports a JSONL export as a new run; the answer names the new run.</summary>
    Task<RunAccepted> ImportRunAsync(Stream jsonl, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TaskSummary>> ListTasksAsync(CancellationToken cancellationToken = default);

    /// <summary>The llm agent's configured endpoints (name, model id, prices).</summary>
    Task<IReadOnlyList<ModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default);

    Task<TaskDetail> GetTaskAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LeaderboardRow>> GetLeaderboardAsync(CancellationToken cancellationToken = default);

    Task<PlaySession> StartPlayAsync(StartPlayRequest request, CancellationToken cancellationToken = default);

    Task<PlayStepResult> PlayStepAsync(Guid sessionId, CodeAction action, CancellationToken cancellationToken = default);
}
