using Tailor.Messaging;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Retries store hiccups; a page holding an email without a user, or a page without a campaign, goes to the error queue with a Fault.</summary>
internal sealed class EmailsWrittenConsumerDefinition : TailorConsumerDefinition<EmailsWrittenConsumer>
{
    // Two pages at once overlap one's write with the other's counts.
    public EmailsWrittenConsumerDefinition() => ConcurrentMessageLimit = 2;
}
