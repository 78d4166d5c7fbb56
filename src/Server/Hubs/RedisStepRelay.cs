using System.Text.Json;
using StackExchange.Redis;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Hosting;

namespace TraceFix.Server.Hubs;

/// <summary>
/// Carries stored steps and run ends between instances over Redis pub/sub, so that a viewer's live stream on one
/// instance follows a run played on another. Best effort: a lost message shows as a sequence gap (refilled from the
/// store) or as silence (the stream's idle check reads the store).
/// </summary>
public sealed class RedisStepRelay(IConnectionMultiplexer redis, StepFeed feed, InstanceIdentity instance, ILogger<RedisStepRelay> logger)
    : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("tracefix:steps");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) => Receive(message));
        }
        catch (RedisException ex)
        {
            // Not reachable yet: the multiplexer re-subscribes by itself once it connects.
            logger.LogWarning("Redis is not reachable; live steps of runs played elsewhere arrive through the store until it is: {Reason}", ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Publish(StepRecorded step) => Send(new RelayMessage(instance.Name, step.RunId, step));

    public void Complete(Guid runId) => Send(new RelayMessage(instance.Name, runId, null));

    private void Send(RelayMessage message)
    {
        try
        {
            redis.GetSubscriber().Publish(Channel, JsonSerializer.Serialize(message, RelayJson.Default.RelayMessage), CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // Redis is away; viewers elsewhere catch up from the store.
        }
    }

    private void Receive(RedisValue value)
    {
        try
        {
            if (JsonSerializer.Deserialize((string)value!, RelayJson.Default.RelayMessage) is not { } message || message.From == instance.Name)
            {
                return;
            }
            if (message.Step is { } step)
            {
                feed.Publish(step);
            }
            else
            {
                feed.Complete(message.RunId);
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Ignored a malformed relay message: {Reason}", ex.Message);
        }
    }
}

public sealed record RelayMessage(string From, Guid RunId, StepRecorded? Step);

[System.Text.Json.Serialization.JsonSerializable(typeof(RelayMessage))]
internal sealed partial class RelayJson : System.Text.Json.Serialization.JsonSerializerContext;
