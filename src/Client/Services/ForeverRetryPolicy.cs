using Microsoft.AspNetCore.SignalR.Client;

namespace TraceFix.Client.Services;

/// <summary>Never gives up: a dashboard left open on a projector must come back by itself after a server restart.</summary>
public sealed class ForeverRetryPolicy : IRetryPolicy
{
    private static readonly TimeSpan[] Backoff =
        [TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    public static TimeSpan Delay(long attempt) => attempt < Backoff.Length ? Backoff[attempt] : TimeSpan.FromSeconds(3);

    public TimeSpan? NextRetryDelay(RetryContext retryContext) => Delay(retryContext.PreviousRetryCount);
}
