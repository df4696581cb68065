namespace Tailor.Ingestion.Engagements;

/// <summary>
/// The engagements of one email that arrived on one day (UTC) before the email was stored: one document of
/// <see cref="EarlyEngagements.Collection"/>, keyed by <see cref="HeldEngagementDays.Id"/>.
/// </summary>
internal sealed record HeldEngagements(Guid EmailId, IReadOnlyList<HeldEngagement> Engagements);

/// <param name="HeldAt">When it was first held, by the clock of the replica that held it: it expires <c>Hold</c> after.</param>
internal sealed record HeldEngagement(EmailEngagement Engagement, DateTimeOffset HeldAt);
