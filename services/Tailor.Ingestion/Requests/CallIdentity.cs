namespace Tailor.Ingestion.Requests;

/// <summary>What every Segment call carries.</summary>
/// <param name="IdempotencyKey">Names this call across retries: its messageId when given, otherwise a hash of its content.</param>
/// <param name="Timestamp">When it happened by the sender's clock; null means "now".</param>
internal sealed record CallIdentity(string UserId, string? AnonymousId, string IdempotencyKey, DateTimeOffset? Timestamp);
