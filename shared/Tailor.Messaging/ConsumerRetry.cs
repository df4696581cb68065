using MassTransit;

namespace Tailor.Messaging;

/// <summary>The one retry policy of every consumer definition: transient failures retried, invalid messages not.</summary>
public static class ConsumerRetry
{
    /// <summary>Immediate-ish retries for blips (a busy store, a reconnecting broker), then the message faults.</summary>
    public static void Standard(IRetryConfigurator retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.Intervals(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
        retry.Ignore<InvalidMessageException>();
    }
}
