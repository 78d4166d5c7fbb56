using System.Threading.Channels;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Hubs;

/// <summary>One viewer's buffer of live steps of one run; dispose to stop receiving.</summary>
public sealed class StepSubscription(StepFeed feed, Guid runId, Channel<StepRecorded> channel) : IDisposable
{
    public Guid RunId { get; } = runId;

    public ChannelReader<StepRecorded> Reader => channel.Reader;

    internal ChannelWriter<StepRecorded> Writer => channel.Writer;

    public void Dispose()
    {
        channel.Writer.TryComplete();
        feed.Remove(this);
    }
}
