namespace Tailor.Ingestion.Requests;

/// <summary>What every Segment call carries.</summary>
/// <param name="UserId">The platform's id of the user; null for an anonymous visitor.</param>
/// <param name="AnonymousId">The device's or browser's id before (or beside) the user id.</param>
/// <param name="IdempotencyKey">Names this call across retries: its messageId when given, otherwise a hash of its content.</param>
/// <param name="Timestamp">When it happened, corrected for the sender's clock skew; null means "now".</param>
internal sealed record CallIdentity(string? UserId, string? AnonymousId, string IdempotencyKey, DateTimeOffset? Timestamp);
