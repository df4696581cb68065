using MassTransit;
using Microsoft.Extensions.Options;

namespace Tailor.SendTime.Consumers;

/// <summary>What every consumer definition of this service applies.</summary>
internal static class ConsumerRules
{
    /// <summary>Transient failures (store, cache, broker) are retried; bad input is not, since it fails the same way every time.</summary>
    public static void Retry(IRetryConfigurator retry)
    {
        retry.Ignore<InvalidMessageException>();
        retry.Intervals(100, 1_000, 5_000);
    }

    /// <summary>
    /// One batch at a time per message type: the learner serialises the updates anyway, and in-order batches keep
    /// a replay of thousands of purchases to one store round-trip per user per batch.
    /// </summary>
    public static void Batch<TConsumer>(IConsumerConfigurator<TConsumer> configurator, IOptions<SendTimeOptions> options)
        where TConsumer : class =>
        configurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(options.Value.MessageBatchLimit)
            .SetTimeLimit(options.Value.MessageBatchTimeLimit)
            .SetConcurrencyLimit(1));

    /// <summary>Throws for the messages of a batch that are bad input, once the rest of the batch has taken effect.</summary>
    /// <remarks>
    /// A batch faults as a whole, so its good messages land in <c>_error</c> next to the bad ones; they were recorded
    /// first, so replaying them from there has no second effect.
    /// </remarks>
    public static void ThrowIfRejected(string messageType, IReadOnlyCollection<Guid> rejected)
    {
        if (rejected.Count > 0)
        {
            throw new InvalidMessageException(
                $"{rejected.Count} {messageType} message(s) have no UserId: {string.Join(", ", rejected)}");
        }
    }
}
