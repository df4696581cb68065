using MassTransit;
using Tailor.Contracts;
using Tailor.Ingestion.Reports;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Remembers every email Tailor produced, by email id, for correlating the provider's webhooks back to it.</summary>
/// <remarks>Each email is also counted as sent in its campaign's report (<see cref="CampaignEmailFacts"/>).</remarks>
internal sealed class EmailReadyConsumer(IDocumentStore documents, CampaignEmailFacts facts) : IConsumer<EmailReady>
{
    public const string Collection = "ingestion.emails";

    public async Task Consume(ConsumeContext<EmailReady> context)
    {
        var email = context.Message;
        InvalidMessageException.ThrowIfBlank(email.UserId, email.EventId);
        InvalidMessageException.ThrowIfBlank(email.CampaignId, email.EventId);

        // A put keyed by email id: a redelivery writes the same document again, one effect. The email is stored before
        // it is counted, so no engagement can find a counted email that is not stored.
        var sent = new SentEmail(email.EmailId, email.UserId, email.CampaignId, email.ItemIds ?? [], email.SubjectVariant, email.Arm);
        await documents.PutAsync(Collection, email.EmailId.ToString("D"), sent, context.CancellationToken);
        await facts.RecordAsync(sent, CampaignOutcome.Sent, context.CancellationToken);
    }
}
