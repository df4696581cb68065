using MassTransit;
using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

public sealed class EmailsWrittenConsumerDefinition : ConsumerDefinition<EmailsWrittenConsumer>
{
    // Each page is one append transaction, and SQLite has one writer: a second page at once would only queue for it.
    public EmailsWrittenConsumerDefinition() => ConcurrentMessageLimit = 1;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EmailsWrittenConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
