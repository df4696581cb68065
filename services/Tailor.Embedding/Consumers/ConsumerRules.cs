using MassTransit;

namespace Tailor.Embedding.Consumers;

/// <summary>What every consumer definition of this service applies.</summary>
internal static class ConsumerRules
{
    /// <summary>Transient failures (store, broker) are retried; bad input is not, since it fails the same way every time.</summary>
    public static void Retry(IRetryConfigurator retry)
    {
        retry.Ignore<InvalidMessageException>();
        retry.Intervals(100, 1_000, 5_000);
    }

    /// <summary>Throws for the messages of a batch that are bad input, once the rest of the batch has taken effect.</summary>
    /// <remarks>
    /// A batch faults as a whole, so its good messages land in <c>_error</c> next to the bad ones; they were recorded
    /// first, so replaying them from there has no second effect.
    /// </remarks>
    public static void ThrowIfRejected(string messageType, IReadOnlyCollection<(Guid EventId, string Problem)> rejected)
    {
        if (rejected.Count > 0)
        {
            var reasons = string.Join("; ", rejected.Select(entry => $"{entry.EventId}: {entry.Problem}"));
            throw new InvalidMessageException($"{rejected.Count} {messageType} message(s) cannot be used: {reasons}");
        }
    }
}
