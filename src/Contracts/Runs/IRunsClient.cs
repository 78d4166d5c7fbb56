namespace TraceFix.Contracts.Runs;

/// <summary>
/// Messages the server pushes to <c>/hubs/runs</c> clients (method names = <see cref="RunsHubMethods"/>).
/// Run-list subscribers get <see cref="RunStatusChanged"/> and <see cref="RunDeleted"/> for every run; a viewer of a run
/// gets its status and episode events. Steps arrive through the <c>WatchRun</c> stream, not through this interface.
/// </summary>
public interface IRunsClient
{
    Task RunStatusChanged(RunStatusChanged message);

    Task RunDeleted(RunDeleted message);

    Task EpisodeStarted(EpisodeStarted message);

    Task EpisodeFinished(EpisodeFinished message);

    Task ModelTextStreamed(ModelTextStreamed message);
}
