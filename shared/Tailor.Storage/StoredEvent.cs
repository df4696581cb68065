namespace Tailor.Storage;

/// <summary>
/// One event as a service recorded it. <paramref name="Stream"/> is the owning service's own log
/// (for example <c>ingestion</c> or <c>recommendation</c>), so services never read each other's records.
/// </summary>
/// <param name="Payload">The message as JSON.</param>
public sealed record StoredEvent(
    Guid EventId,
    string Stream,
    string Type,
    string? UserId,
    DateTimeOffset OccurredAt,
    string Payload);
