using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Requests;

/// <summary>What a Segment call is read against: the server's clock, the batch's own fields, and the accepted range.</summary>
/// <param name="Times">The accepted event times, around the time this server received the request.</param>
/// <param name="BatchSentAt">The batch-level <c>sentAt</c>, used for calls that carry none of their own.</param>
internal sealed record CallContext(
    EventTimeRange Times,
    DateTimeOffset? BatchSentAt,
    int MaxProperties)
{
    /// <summary>When this server received the request; Segment's <c>receivedAt</c> is always the receiver's clock.</summary>
    public DateTimeOffset ReceivedAt => Times.Now;

    public static CallContext From(EventTimeOptions times, PropertyCountOptions properties, DateTimeOffset receivedAt, DateTimeOffset? batchSentAt = null)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return new(EventTimeRange.From(times, receivedAt), batchSentAt, properties.MaxPropertiesPerCall);
    }
}
