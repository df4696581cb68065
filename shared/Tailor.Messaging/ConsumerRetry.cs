using MassTransit;

namespace Tailor.Messaging;

/// <summary>The one retry policy of every consumer definition: transient failures retried, invalid messages not.</summary>
public static class ConsumerRetry
{
    /// <summary>
    /// What every consumer definition applies: <see cref="Standard"/> inside <see cref="Outage"/>, so a blip is retried
    /// within seconds and a dependency that is down for minutes is waited for before anything faults.
    /// </summary>
    public static void Apply(IReceiveEndpointConfigurator endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.UseMessageRetry(Outage);
        endpoint.UseMessageRetry(Standard);
    }

    /// <summary>Immediate-ish retries for blips (a busy store, a reconnecting broker), then the message faults.</summary>
    public static void Standard(IRetryConfigurator retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.Intervals(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
        retry.Ignore<InvalidMessageException>();
    }

    /// <summary>
    /// For <see cref="DependencyUnavailableException"/> only: about four minutes of waiting, in growing steps, for the
    /// dependency to come back. The message stays with this consumer meanwhile, unacknowledged, so a crash loses nothing.
    /// </summary>
    public static void Outage(IRetryConfigurator retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.Handle<DependencyUnavailableException>();
        retry.Intervals(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));
    }
}
