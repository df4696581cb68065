using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Ingestion.Accepting;

/// <summary>
/// A message about to be stored and published. Keeps its concrete type, so the event log records it under its
/// own name and the bus publishes it as that contract (not as <c>object</c>).
/// </summary>
internal abstract class PendingMessage
{
    public abstract Guid EventId { get; }

    /// <summary>A user's event, filed under its user.</summary>
    public static PendingMessage Of<TEvent>(TEvent message)
        where TEvent : class, IUserEvent =>
        new Typed<TEvent>(message, message.EventId, message.UserId, message.OccurredAt);

    /// <summary>Filed without a user id, so the record of the erasure is not itself found as the user's data.</summary>
    public static PendingMessage Of(UserErased message) =>
        new Typed<UserErased>(message, message.EventId, userId: null, message.OccurredAt);

    public static PendingMessage Of(CatalogItemUpserted message) =>
        new Typed<CatalogItemUpserted>(message, message.EventId, userId: null, message.OccurredAt);

    public static PendingMessage Of(CampaignRequested message) =>
        new Typed<CampaignRequested>(message, message.EventId, userId: null, message.OccurredAt);

    /// <summary>The message as Ingestion's event log keeps it.</summary>
    public abstract StoredEvent ToStoredEvent();

    public abstract Task PublishAsync(IPublishEndpoint publisher, CancellationToken cancellationToken);

    private sealed class Typed<TMessage>(TMessage message, Guid eventId, string? userId, DateTimeOffset occurredAt) : PendingMessage
        where TMessage : class
    {
        public override Guid EventId => eventId;

        public override StoredEvent ToStoredEvent() => StoredEvent.Of(IngestionStorage.EventStream, eventId, userId, occurredAt, message);

        public override Task PublishAsync(IPublishEndpoint publisher, CancellationToken cancellationToken) =>
            publisher.Publish(message, cancellationToken);
    }
}
