using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Contacts;
using Tailor.Ingestion.Mapping;
using Tailor.Links;
using Tailor.Messaging.Rules;
using Tailor.Storage;

namespace Tailor.Ingestion.Webhooks;

/// <summary>
/// Correlates provider events to the emails Tailor produced and accepts them as <c>EmailEngaged</c> (stored, then
/// published). Event ids come from the provider's event id, so a retried webhook has one effect.
/// </summary>
internal sealed class WebhookIngestor(
    IDocumentStore documents, AcceptedMessageLog log, LinkSignature signature, ContactBook contacts, IngestionMetrics metrics)
{
    public async Task<WebhookOutcome> IngestAsync(string provider, IReadOnlyList<ProviderEvent> events, CancellationToken cancellationToken)
    {
        var messages = new List<PendingMessage>(events.Count);
        var engagements = new List<(EngagementKind Kind, SentEmail Email, bool IsMachineOpen)>(events.Count);
        var unknown = 0;
        var byAddress = 0;
        foreach (var providerEvent in events)
        {
            var email = await FindEmailAsync(providerEvent.EmailId, cancellationToken);
            if (email is null && providerEvent.Address is { } address && ConsentChanges.From(providerEvent.Kind) is not null)
            {
                await contacts.ApplyToAddressAsync(address, providerEvent.Kind, providerEvent.OccurredAt, providerEvent.Source, cancellationToken);
                byAddress++;
                continue;
            }

            if (email is null)
            {
                // Not an email Tailor wrote (or sent without tailor_email_id): acknowledged, because the provider would
                // retry forever, but nothing to learn from.
                unknown++;
                continue;
            }

            messages.Add(PendingMessage.Of(new EmailEngaged(
                EventIds.From($"webhook:{provider}:{providerEvent.EventKey}", 0),
                email.UserId,
                providerEvent.OccurredAt,
                email.EmailId,
                email.CampaignId,
                providerEvent.Kind,
                providerEvent.Url,
                ShownItem(email, providerEvent.Url),
                providerEvent.IsMachineOpen,
                providerEvent.Source)));
            engagements.Add((providerEvent.Kind, email, providerEvent.IsMachineOpen));
        }

        await log.AcceptAsync(messages, cancellationToken);
        foreach (var (kind, email, isMachineOpen) in engagements)
        {
            metrics.Engaged(kind, email, isMachineOpen);
        }

        return new WebhookOutcome(messages.Count, unknown, byAddress);
    }

    private async Task<SentEmail?> FindEmailAsync(Guid? emailId, CancellationToken cancellationToken) =>
        emailId is { } id ? await documents.FindSentEmailAsync(id, cancellationToken) : null;

    // Only an item the email showed, through a link Tailor signed, counts as a click on it; a hand-edited or forged link
    // must not teach the models anything (the click itself still counts as engagement with the email).
    private string? ShownItem(SentEmail email, string? url) =>
        TailorEmailIds.FromLink(url) is ({ } linkEmail, { } itemId, var linkSignature)
        && linkEmail == email.EmailId
        && email.ItemIds.Contains(itemId, StringComparer.Ordinal)
        && signature.IsValid(linkEmail, itemId, linkSignature)
            ? itemId
            : null;
}

/// <param name="Accepted">Events about Tailor's emails, stored and published (a retried event counts again, with one effect).</param>
/// <param name="UnknownEmail">Events about emails Tailor did not write or cannot name.</param>
/// <param name="ByAddress">Events that named no email but one address, applied to the suppression list by address.</param>
internal sealed record WebhookOutcome(int Accepted, int UnknownEmail, int ByAddress);
