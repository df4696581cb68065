using Tailor.Ingestion.Contacts;
using Tailor.Ingestion.Engagements;
using Tailor.Ingestion.Mapping;
using Tailor.Links;
using Tailor.Messaging.Rules;
using Tailor.Storage;

namespace Tailor.Ingestion.Webhooks;

/// <summary>
/// Correlates provider events to the emails Tailor produced and accepts them as <c>EmailEngaged</c> (stored, then
/// published), or holds them until their email is stored (<see cref="EarlyEngagements"/>). Event ids come from the
/// provider's event id, so a retried webhook has one effect, before or after its email is stored.
/// </summary>
internal sealed class WebhookIngestor(IDocumentStore documents, EarlyEngagements engagements, LinkSignature signature, ContactBook contacts)
{
    public async Task<WebhookOutcome> IngestAsync(string provider, IReadOnlyList<ProviderEvent> events, CancellationToken cancellationToken)
    {
        var aboutEmails = new List<EmailEngagement>(events.Count);
        var unknown = 0;
        var byAddress = 0;
        foreach (var providerEvent in events)
        {
            if (providerEvent.Address is { } address && ConsentChanges.From(providerEvent.Kind) is not null
                && !await IsStoredAsync(providerEvent.EmailId, cancellationToken))
            {
                // A suppression or reactivation with an address: applied now, by address, whether or not an email of
                // Tailor's is ever stored under the id it may also carry. With an id it is held too, so the campaign
                // report and the user's consent get it once the email is stored; the suppression list keeps the
                // newest change by time, so the release applying it again there changes nothing.
                await contacts.ApplyToAddressAsync(address, providerEvent.Kind, providerEvent.OccurredAt, providerEvent.Source, cancellationToken);
                if (providerEvent.EmailId is null)
                {
                    byAddress++;
                    continue;
                }
            }

            if (providerEvent.EmailId is not { } emailId)
            {
                // Sent without tailor_email_id, or not by Tailor: acknowledged, because the provider would retry for
                // ever, but nothing to learn from.
                unknown++;
                continue;
            }

            aboutEmails.Add(Engagement(provider, providerEvent, emailId));
        }

        var outcome = await engagements.AcceptAsync(aboutEmails, cancellationToken);
        return new WebhookOutcome(outcome.Accepted, outcome.Held, outcome.HoldFull, unknown, byAddress);
    }

    private async Task<bool> IsStoredAsync(Guid? emailId, CancellationToken cancellationToken) =>
        emailId is { } id && await documents.FindSentEmailAsync(id, cancellationToken) is not null;

    private EmailEngagement Engagement(string provider, ProviderEvent providerEvent, Guid emailId) => new(
        EventIds.From($"webhook:{provider}:{providerEvent.EventKey}", 0),
        emailId,
        providerEvent.Kind,
        providerEvent.OccurredAt,
        providerEvent.Url,
        SignedItem(emailId, providerEvent.Url),
        ItemMustBeShown: true,
        providerEvent.IsMachineOpen,
        providerEvent.Source);

    // The item of a product link Tailor signed for this email; a hand-edited or forged link names none.
    private string? SignedItem(Guid emailId, string? url) =>
        TailorEmailIds.FromLink(url) is ({ } linkEmail, { } itemId, var linkSignature)
        && linkEmail == emailId
        && signature.IsValid(linkEmail, itemId, linkSignature)
            ? itemId
            : null;
}

/// <param name="Accepted">Events about Tailor's stored emails, stored and published (a retried event counts again, with one effect).</param>
/// <param name="Held">Events naming an email not stored yet, held until it is (<see cref="EarlyEngagements"/>).</param>
/// <param name="HoldFull">Events naming an email not stored yet whose hold was full: dropped.</param>
/// <param name="UnknownEmail">Events that name no email of Tailor's.</param>
/// <param name="ByAddress">
/// Events that named no email but one address, applied to the suppression list by address. One that also names an email
/// not stored yet is applied by address as well, and counted as held.
/// </param>
internal sealed record WebhookOutcome(int Accepted, int Held, int HoldFull, int UnknownEmail, int ByAddress);
