using MassTransit;
using Tailor.Messaging;

namespace Tailor.Ingestion.Consumers;

/// <summary>
/// Batches of purchases; a batch that fails is retried whole (its effects are inserts and kept decisions, so doing it
/// again changes nothing) and, when the retries are spent, its messages go to the error queue (<c>_error</c>, with a
/// <c>Fault</c>).
/// </summary>
internal sealed class OrderAttributionConsumerDefinition : TailorConsumerDefinition<OrderAttributionConsumer>
{
    /// <summary>Most messages in one batch: one read of their users' ledgers, one write of those that ordered.</summary>
    public const int MessageLimit = 100;

    /// <summary>How long a batch waits to fill: short, so a quiet queue's order does not wait for company.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(50);

    // One batch at a time per replica, as the other services' activity consumers: a batch's writes go to a store with one
    // writer, so a second batch would mostly wait for it. Correctness does not depend on it: other replicas' batches run
    // at once, and the ledgers are written conditionally.
    protected override void Configure(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OrderAttributionConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(MessageLimit)
            .SetTimeLimit(TimeLimit)
            .SetConcurrencyLimit(1));
}
