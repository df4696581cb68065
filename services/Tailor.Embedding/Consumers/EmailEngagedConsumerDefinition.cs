using Tailor.Messaging;

namespace Tailor.Embedding.Consumers;

public sealed class EmailEngagedConsumerDefinition : TailorConsumerDefinition<EmailEngagedConsumer>
{
    public EmailEngagedConsumerDefinition()
    {
        // Store round-trips only (no model run): a few at once keep a webhook burst moving.
        ConcurrentMessageLimit = 8;
    }
}
