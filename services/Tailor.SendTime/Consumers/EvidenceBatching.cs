using MassTransit;
using Microsoft.Extensions.Options;

namespace Tailor.SendTime.Consumers;

/// <summary>How SendTime's evidence consumers (activities, engagements) take their messages: in batches.</summary>
internal static class EvidenceBatching
{
    /// <summary>
    /// One batch at a time per message type and replica: full batches keep a replay of thousands of purchases to one
    /// store round-trip per user per batch. Correctness does not depend on it: batches on other replicas (and of the
    /// other message type) update the same users concurrently, by conditional updates.
    /// </summary>
    public static void Batch<TConsumer>(IConsumerConfigurator<TConsumer> configurator, IOptions<SendTimeOptions> options)
        where TConsumer : class =>
        configurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(options.Value.MessageBatchLimit)
            .SetTimeLimit(options.Value.MessageBatchTimeLimit)
            .SetConcurrencyLimit(1));
}
