using System.Text.Json.Serialization;
using Tailor.Contracts;
using Tailor.Ingestion.Webhooks;

namespace Tailor.Ingestion.Engagements;

/// <summary>
/// An engagement with one of Tailor's emails, read from a provider's webhook or a followed link, before it is tied to
/// the email's user and campaign: everything <c>EmailEngaged</c> carries that the engagement itself says. It is what
/// waits while its email is not stored yet (<see cref="EarlyEngagements"/>), so an engagement accepted at once and one
/// accepted after waiting become the same message, under the same event id.
/// </summary>
/// <param name="EventId">Derived from the provider's event or the link, never from the email's user: a retry has one effect, before or after its email is stored.</param>
/// <param name="Kind">Stored by name while it waits, so a held engagement reads the same after an upgrade.</param>
/// <param name="ItemId">The catalog item the engagement names (a product link's), or null.</param>
/// <param name="ItemMustBeShown">
/// True when <paramref name="ItemId"/> counts only if the email showed it (a provider's click report, whose link Tailor
/// checks here); false when Tailor already checked the link itself (a click on <c>/c/…</c>).
/// </param>
/// <param name="IsLinkPress">
/// True for an unsubscribe or resubscribe pressed on the email's own link (<c>/u/…</c>): applied through
/// <c>SubscriptionChanges</c>, which names its event, not published as it stands. False for a provider's report.
/// </param>
internal sealed record EmailEngagement(
    Guid EventId,
    Guid EmailId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<EngagementKind>))] EngagementKind Kind,
    DateTimeOffset OccurredAt,
    string? Url,
    string? ItemId,
    bool ItemMustBeShown,
    bool IsMachineOpen,
    string? Source,
    bool IsLinkPress = false)
{
    /// <summary>The one way an engagement becomes the <c>EmailEngaged</c> Tailor stores and publishes.</summary>
    public EmailEngaged ToMessage(SentEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (email.EmailId != EmailId)
        {
            throw new ArgumentException($"The engagement is about email {EmailId:D}, not {email.EmailId:D}.", nameof(email));
        }

        return new EmailEngaged(EventId, email.UserId, OccurredAt, EmailId, email.CampaignId, Kind, Url, ItemOf(email), IsMachineOpen, Source);
    }

    // Only an item the email showed, through a link Tailor signed, counts as a click on it: a link the models cannot
    // trust must not teach them anything (the click itself still counts as engagement with the email).
    private string? ItemOf(SentEmail email) =>
        ItemId is { } item && (!ItemMustBeShown || email.ItemIds.Contains(item, StringComparer.Ordinal)) ? item : null;
}
