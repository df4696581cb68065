namespace Tailor.Contracts;

/// <summary>
/// Event: the emails ContentGeneration wrote for one page of a campaign (<see cref="PersonalizeEmails"/>), as the
/// records Tailor's own services keep of them, without their bodies. Published beside the <see cref="EmailReady"/>
/// messages senders read: Ingestion (to match the provider's webhooks and count the campaign's report) and
/// Recommendation (to learn from the items shown) need a few fields of each email, and reading them from one message
/// per page instead of a 14 kB <see cref="EmailReady"/> per email spares the broker and both services most of a
/// campaign's traffic.
/// </summary>
/// <param name="CampaignId">The campaign every email of the page belongs to.</param>
/// <param name="Emails">One per email written; each keeps its <see cref="EmailReady"/>'s ids, so a page published again has one effect.</param>
public record EmailsWritten(Guid EventId, DateTimeOffset OccurredAt, string CampaignId, IReadOnlyList<WrittenEmailRecord> Emails);
