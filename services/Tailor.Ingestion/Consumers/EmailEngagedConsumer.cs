using MassTransit;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Contacts;
using Tailor.Ingestion.Reports;
using Tailor.Ingestion.Webhooks;
using Tailor.Storage;

namespace Tailor.Ingestion.Consumers;

/// <summary>
/// Records every engagement; unsubscribes, complaints and hard bounces withdraw consent, a resubscribe gives it back; and
/// what it shows about its email is counted in the campaign's report (<see cref="CampaignEmailFacts"/>). Engagements from
/// webhooks and from the links in emails all pass here, so each is counted in one place.
/// </summary>
internal sealed class EmailEngagedConsumer(IEventStore events, IDocumentStore documents, ContactBook contacts, CampaignEmailFacts facts) : IConsumer<EmailEngaged>
{
    public async Task Consume(ConsumeContext<EmailEngaged> context)
    {
        var engaged = context.Message;
        await events.RecordAsync(IngestionStorage.EventStream, engaged, context.CancellationToken);

        // Applied even when the event was already recorded: if the consent write failed after the record, the
        // redelivery must still make it. Applying the same engagement twice has one effect (consent keeps its time).
        await contacts.ApplyAsync(engaged, context.CancellationToken);

        // The arm and the variant are the email's; an email no longer stored (its user was erased) is not counted.
        if (await documents.FindSentEmailAsync(engaged.EmailId, context.CancellationToken) is { } email)
        {
            await facts.RecordAsync(email, engaged, context.CancellationToken);
        }
    }
}
