using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

public sealed class EmailEngagedConsumerDefinition : TailorConsumerDefinition<EmailEngagedConsumer>
{
    public EmailEngagedConsumerDefinition() => ConcurrentMessageLimit = 16;
}
