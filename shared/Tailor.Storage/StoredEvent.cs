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
    string Payload)
{
    /// <summary>A message as an event of <paramref name="stream"/>, filed under its type name and serialised as the stores keep it.</summary>
    /// <exception cref="ArgumentException">
    /// <typeparamref name="TMessage"/> is an interface or abstract (a message passed as <c>IUserEvent</c>, say): it would
    /// be filed under that name with only that type's fields, and never read back as the message it was.
    /// </exception>
    public static StoredEvent Of<TMessage>(string stream, Guid eventId, string? userId, DateTimeOffset occurredAt, TMessage message)
    {
        if (typeof(TMessage).IsInterface || typeof(TMessage).IsAbstract)
        {
            throw new ArgumentException($"Record a message as its concrete type, not as {typeof(TMessage).Name}.", nameof(message));
        }

        return new(eventId, stream, typeof(TMessage).Name, userId, occurredAt, System.Text.Json.JsonSerializer.Serialize(message, StoreJson.Options));
    }
}
