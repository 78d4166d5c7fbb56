using TraceFix.Core.Episodes;

namespace TraceFix.Server.Runs.Play;

/// <summary>One person's episode: its environment, its recorder and a gate so that steps apply one at a time.</summary>
internal sealed class PlayState(Guid runId, IEnvironmentSession environment, EpisodeRecorder recorder, int maxSteps, DateTimeOffset now)
{
    public Guid RunId { get; } = runId;
    public IEnvironmentSession Environment { get; } = environment;
    public EpisodeRecorder Recorder { get; } = recorder;
    public int MaxSteps { get; } = maxSteps;
    public SemaphoreSlim Gate { get; } = new(1, 1);
    public double CumulativeReward { get; set; }
    public DateTimeOffset LastUsed { get; set; } = now;
    public bool Closed { get; set; }
}
