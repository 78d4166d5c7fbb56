using TraceFix.Contracts.Environment;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Services;

/// <summary>The dashboard's view of the /api surface.</summary>
public interface IRunsApi
{
    Task<PagedResult<RunSummary>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default);

    Task<RunDetail> GetRunAsync(Guid id, CancellationToken cancellationToken = default);

    Task<RunAccepted> StartRunAsync(StartRunRequest request, CancellationToken cancellationToken = default);

    Task CancelRunAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TaskSummary>> ListTasksAsync(CancellationToken cancellationToken = default);

    Task<TaskDetail> GetTaskAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LeaderboardRow>> GetLeaderboardAsync(CancellationToken cancellationToken = default);

    Task<PlaySession> StartPlayAsync(StartPlayRequest request, CancellationToken cancellationToken = default);

    Task<PlayStepResult> PlayStepAsync(Guid sessionId, CodeAction action, CancellationToken cancellationToken = default);
}
