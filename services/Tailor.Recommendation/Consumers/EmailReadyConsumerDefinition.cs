using MassTransit;
using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

public sealed class EmailReadyConsumerDefinition : ConsumerDefinition<EmailReadyConsumer>
{
    /// <summary>A campaign's emails arrive by the thousand: a hundred per store transaction.</summary>
    public const int BatchLimit = 100;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EmailReadyConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ConsumerRetry.Apply(endpointConfigurator);
        // A single email waits at most the time limit; appends are one transaction per batch, so one batch at a time.
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(BatchLimit)
            .SetTimeLimit(TimeSpan.FromMilliseconds(20))
            .SetConcurrencyLimit(1));
    }
}
