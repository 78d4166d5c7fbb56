using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace TraceFix.Server.Runs;

/// <summary>Accepted runs waiting for a slot of the engine. Bounded: when it is full, new runs are refused rather than piled up.</summary>
public sealed class RunQueue(IOptions<RunEngineOptions> options)
{
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public bool TryEnqueue(Guid runId) => _channel.Writer.TryWrite(runId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    public int Count => _channel.Reader.Count;
}
