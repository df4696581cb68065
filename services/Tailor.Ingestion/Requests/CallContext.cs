namespace Tailor.Ingestion.Requests;

/// <summary>What a Segment call is read against: the server's clock, the batch's own fields, and the accepted range.</summary>
/// <param name="ReceivedAt">When this server received the request; Segment's <c>receivedAt</c> is always the receiver's clock.</param>
/// <param name="BatchSentAt">The batch-level <c>sentAt</c>, used for calls that carry none of their own.</param>
internal sealed record CallContext(
    DateTimeOffset ReceivedAt,
    DateTimeOffset? BatchSentAt,
    DateTimeOffset EarliestTimestamp,
    TimeSpan MaxFutureSkew,
    int MaxProperties)
{
    public static CallContext From(IngestionOptions options, DateTimeOffset receivedAt, DateTimeOffset? batchSentAt = null) =>
        new(receivedAt, batchSentAt, options.EarliestTimestamp, options.MaxFutureSkew, options.MaxPropertiesPerCall);
}
