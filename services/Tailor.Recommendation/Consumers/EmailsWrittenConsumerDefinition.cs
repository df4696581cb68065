using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

public sealed class EmailsWrittenConsumerDefinition : TailorConsumerDefinition<EmailsWrittenConsumer>
{
    // Each page is one append transaction, and SQLite has one writer: a second page at once would only queue for it.
    public EmailsWrittenConsumerDefinition() => ConcurrentMessageLimit = 1;
}
