using Tailor.Contracts;

namespace Tailor.Ingestion.Webhooks;

/// <summary>One provider event, read and mapped to Tailor's engagement kinds, before it is correlated to an email.</summary>
/// <param name="EventKey">Names the event across the provider's retries (its event id, or a hash of the event).</param>
/// <param name="EmailId">Tailor's email id from the custom argument, header or clicked link; null when the event carries none.</param>
/// <param name="Source">
/// The provider's own event behind <paramref name="Kind"/> (<c>provider:event[:reason]</c>), passed on as
/// <see cref="EmailEngaged.Source"/>; set for the kinds that change consent, so a suppression says where it came from.
/// </param>
/// <param name="Address">
/// The one address the event is about, read only where the provider documents events that name no email (Postmark's
/// suppressions made by the sender and its reactivations): such an event changes the suppression list by address.
/// </param>
internal sealed record ProviderEvent(
    string EventKey,
    Guid? EmailId,
    EngagementKind Kind,
    DateTimeOffset OccurredAt,
    string? Url,
    bool IsMachineOpen,
    string? Source = null,
    string? Address = null);
