using MassTransit;
using Tailor.Messaging;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Retries store hiccups; a batch holding an email without user or campaign goes to the error queue with a Fault.</summary>
internal sealed class EmailReadyConsumerDefinition : ConsumerDefinition<EmailReadyConsumer>
{
    /// <summary>A campaign's emails arrive by the thousand: a hundred per store transaction.</summary>
    public const int BatchLimit = 100;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EmailReadyConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ConsumerRetry.Apply(endpointConfigurator);
        // A single email (a test send) waits at most the time limit; two batches at once overlap one's write with the other's counts.
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(BatchLimit)
            .SetTimeLimit(TimeSpan.FromMilliseconds(20))
            .SetConcurrencyLimit(2));
    }
}
