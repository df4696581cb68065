namespace Tailor.Contracts;

/// <summary>
/// Something that happened to one user: every contract keyed by a user implements it, except <see cref="UserErased"/>
/// (Ingestion files an erasure without the user id, so it is never found as that user's data). It lets the services
/// record and deduplicate any user's event through one code path instead of unpacking the three fields by hand.
/// On the bus it is not a message of its own: Tailor excludes it from the publish topology (no exchange is made for
/// it), and MassTransit lists it after the concrete type in the envelope's <c>messageType</c>; bind to the concrete
/// types, as before.
/// </summary>
public interface IUserEvent
{
    /// <summary>The event's stable id: a retry carries the same id, and every consumer has one effect per id.</summary>
    Guid EventId { get; }

    string UserId { get; }

    DateTimeOffset OccurredAt { get; }
}
