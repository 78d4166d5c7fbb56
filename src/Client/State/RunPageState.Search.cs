using TraceFix.Contracts.Runs;

namespace TraceFix.Client.State;

public sealed partial class RunPageState
{
    /// <summary>Searches this run on the server and marks the matches.</summary>
    public async Task SearchAsync(StepSearch query)
    {
        if (Trace is { } trace)
        {
            var search = Search.RunAsync(Id, trace, query, _load.Token);
            await Render();
            await search;
        }
    }

    /// <summary>Moves to the next (or previous) match, across episodes.</summary>
    public async Task JumpToMatchAsync(bool forward)
    {
        if (Search.Next(EpisodeNumber, Player.Position, forward) is not var (episode, step))
        {
            return;
        }
        if (episode != EpisodeNumber)
        {
            await Player.PauseAsync();
            EpisodeNumber = episode;
            Player.SetCount(Episode?.Steps.Count ?? 0);
        }
        await SeekAsync(step);
    }
}
