using Tailor.Contracts;

namespace Tailor.Ingestion.Links;

/// <summary>
/// The last unsubscribe or resubscribe made through one email's link (collection
/// <see cref="SubscriptionChanges.Collection"/>, keyed by email id): pressing the same button again reuses its event,
/// so it has one effect, while unsubscribe, resubscribe, unsubscribe are three events, each named after the one before.
/// </summary>
/// <param name="AppliedPresses">
/// The ids of the last presses that made a change (<see cref="SubscriptionChanges.AppliedPressesKept"/>): a held press can
/// be released twice at once (by the replica that held it and by the one that stored its email), and the second must
/// not undo a change made in between, also when both presses carry the same time. Null in requests stored before.
/// </param>
internal sealed record SubscriptionRequest(EngagementKind Kind, Guid EventId, DateTimeOffset At, IReadOnlyList<Guid>? AppliedPresses = null);
