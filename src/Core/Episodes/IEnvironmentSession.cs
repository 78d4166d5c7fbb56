using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Episodes;

/// <summary>One episode holder: the in-process environment or a remote OpenEnv server behind a WebSocket.</summary>
public interface IEnvironmentSession : IAsyncDisposable
{
    Task<StepResult> ResetAsync(ResetOptions options, CancellationToken cancellationToken = default);

    Task<StepResult> StepAsync(CodeAction action, CancellationToken cancellationToken = default);

    Task<EpisodeState> GetStateAsync(CancellationToken cancellationToken = default);
}
