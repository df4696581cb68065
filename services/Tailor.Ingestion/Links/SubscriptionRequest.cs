using Tailor.Contracts;

namespace Tailor.Ingestion.Links;

/// <summary>
/// The last unsubscribe or resubscribe made through one email's link (collection
/// <see cref="SubscriptionChanges.Collection"/>, keyed by email id): pressing the same button again reuses its event,
/// so it has one effect, while unsubscribe, resubscribe, unsubscribe are three events, each named after the one before.
/// </summary>
internal sealed record SubscriptionRequest(EngagementKind Kind, Guid EventId, DateTimeOffset At);
