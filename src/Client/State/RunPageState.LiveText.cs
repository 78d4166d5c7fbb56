using TraceFix.Contracts.Runs;

namespace TraceFix.Client.State;

/// <summary>The text the model is writing for the next step of a live run, shown until that step is stored.</summary>
public sealed record LiveModelText(long EpisodeId, int Step, string Text);

public sealed partial class RunPageState
{
    /// <summary>What the model is writing now; stale once the episode holds step <see cref="LiveModelText.Step"/>.</summary>
    public LiveModelText? LiveText { get; private set; }

    /// <summary>The live text to show with the selected episode, or null when there is none or its step is stored.</summary>
    public LiveModelText? PendingText =>
        LiveText is { } live && Episode is { Finished: false } ep && ep.Id == live.EpisodeId && ep.Steps.Count < live.Step ? live : null;

    private Task OnModelText(ModelTextStreamed text)
    {
        if (text.RunId != Id)
        {
            return Task.CompletedTask;
        }
        return _dispatch(() =>
        {
            LiveText = !text.Restart && LiveText is { } live && live.EpisodeId == text.EpisodeId && live.Step == text.Step
                ? live with { Text = live.Text + text.Text }
                : new LiveModelText(text.EpisodeId, text.Step, text.Text);
            return _throttle.RequestAsync();
        });
    }
}
