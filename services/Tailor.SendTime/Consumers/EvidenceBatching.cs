using MassTransit;
using Microsoft.Extensions.Options;

namespace Tailor.SendTime.Consumers;

/// <summary>How SendTime's evidence consumers (activities, engagements) take their messages: in batches.</summary>
internal static class EvidenceBatching
{
    /// <summary>
    /// Two batches at a time per message type and replica: a batch spends most of its time waiting on the store, Redis
    /// and the broker, so a second one keeps the replica busy meanwhile (in the load benchmark the send-time slices
    /// fell behind the interests with one). Full batches keep a replay of thousands of purchases to one store
    /// round-trip per user per batch. Correctness does not depend on the limit: batches on this and other replicas
    /// (and of the other message type) update the same users and priors concurrently, by conditional updates.
    /// </summary>
    public static void Batch<TConsumer>(IConsumerConfigurator<TConsumer> configurator, IOptions<SendTimeOptions> options)
        where TConsumer : class =>
        configurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(options.Value.MessageBatchLimit)
            .SetTimeLimit(options.Value.MessageBatchTimeLimit)
            .SetConcurrencyLimit(2));
}
