using MassTransit;

namespace Tailor.Recommendation.Consumers;

/// <summary>How this service's batch consumers (the hot queues of the events path) take their messages.</summary>
internal static class ConsumerBatches
{
    /// <summary>Most messages handled as one batch: one store transaction for all of them.</summary>
    public const int MessageLimit = 200;

    /// <summary>How long a batch waits to fill: short, so a quiet queue's message does not wait for company.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// One batch at a time per queue and replica: a batch is one SQLite transaction and the store has one writer, so a
    /// second batch at once would only wait for it. Batches on other replicas run concurrently all the same.
    /// </summary>
    public static void Apply<TConsumer>(IConsumerConfigurator<TConsumer> consumer)
        where TConsumer : class =>
        consumer.Options<BatchOptions>(batch => batch
            .SetMessageLimit(MessageLimit)
            .SetTimeLimit(TimeLimit)
            .SetConcurrencyLimit(1));
}
