using MassTransit;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Remembers every email Tailor produced, by email id, for correlating the provider's webhooks back to it.</summary>
internal sealed class EmailReadyConsumer(IDocumentStore documents) : IConsumer<EmailReady>
{
    public const string Collection = "ingestion.emails";

    public async Task Consume(ConsumeContext<EmailReady> context)
    {
        var email = context.Message;
        InvalidMessageException.ThrowIfBlank(email.UserId, email.EventId);
        InvalidMessageException.ThrowIfBlank(email.CampaignId, email.EventId);

        // A put keyed by email id: a redelivery writes the same document again, one effect.
        await documents.PutAsync(
            Collection,
            email.EmailId.ToString("D"),
            new SentEmail(email.EmailId, email.UserId, email.CampaignId, email.ItemIds ?? [], email.SubjectVariant),
            context.CancellationToken);
    }
}
