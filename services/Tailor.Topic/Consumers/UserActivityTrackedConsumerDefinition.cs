using MassTransit;
using Tailor.Messaging;

namespace Tailor.Topic.Consumers;

public sealed class UserActivityTrackedConsumerDefinition : TailorConsumerDefinition<UserActivityTrackedConsumer>
{
    /// <summary>Most activities recorded in one transaction.</summary>
    public const int BatchLimit = 200;

    /// <summary>How long a batch waits to fill: short, as a quiet queue's activity should not wait for company.</summary>
    public static readonly TimeSpan BatchTimeLimit = TimeSpan.FromMilliseconds(50);

    protected override void Configure(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserActivityTrackedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // A batch is one SQLite transaction, and the store has one writer: a second batch at once would only wait for it.
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(BatchLimit)
            .SetTimeLimit(BatchTimeLimit)
            .SetConcurrencyLimit(1));
    }
}
