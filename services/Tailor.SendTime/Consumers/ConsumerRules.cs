using MassTransit;
using Microsoft.Extensions.Options;

namespace Tailor.SendTime.Consumers;

/// <summary>What every consumer definition of this service applies.</summary>
internal static class ConsumerRules
{
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
}
