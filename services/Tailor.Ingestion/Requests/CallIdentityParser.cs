using System.Text.Json;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Reads and checks the fields every Segment call shares (the spec's "common fields").</summary>
internal static class CallIdentityParser
{
    /// <returns>Null when neither <c>userId</c> nor <c>anonymousId</c> is valid (the error is recorded).</returns>
    public static CallIdentity? Parse(ObjectReader call, string callType, CallContext context)
    {
        var userId = call.Id("userId");
        var anonymousId = call.Id("anonymousId");
        var messageId = call.Id("messageId");
        if (userId is null && anonymousId is null && call.Value("userId") is null && call.Value("anonymousId") is null)
        {
            call.Error("userId", "userId or anonymousId is required.");
        }

        call.Object("context");
        call.Object("integrations");
        call.Timestamp("receivedAt");
        if (call.Value("version") is { ValueKind: not (JsonValueKind.Number or JsonValueKind.String) })
        {
            call.Error("version", "Must be a number or a string.");
        }

        var timestamp = CorrectedTimestamp(call, context);
        if (userId is null && anonymousId is null)
        {
            return null;
        }

        var key = messageId is null
            ? $"{callType}:content:{ContentHash.Of(call.Element)}"
            : $"{callType}:message:{messageId}";
        return new CallIdentity(userId, anonymousId, key, timestamp);
    }

    /// <summary>
    /// Segment's clock-skew correction: a device whose clock is off is off by the same amount for <c>timestamp</c> and
    /// <c>sentAt</c>, so the event happened <c>sentAt - timestamp</c> before the server received it. Then the range check.
    /// </summary>
    private static DateTimeOffset? CorrectedTimestamp(ObjectReader call, CallContext context)
    {
        var timestamp = call.Timestamp("timestamp");
        var sentAt = call.Timestamp("sentAt") ?? context.BatchSentAt;
        var corrected = timestamp is { } happened && sentAt is { } sent ? context.ReceivedAt - (sent - happened) : timestamp;
        if (corrected is null)
        {
            return null;
        }

        if (corrected > context.ReceivedAt + context.MaxFutureSkew)
        {
            call.Error("timestamp", $"Is more than {context.MaxFutureSkew:g} in the future (after correcting by sentAt); check the sender's clock.");
            return null;
        }

        if (corrected < context.EarliestTimestamp)
        {
            call.Error("timestamp", $"Is before {context.EarliestTimestamp:yyyy-MM-dd}, the earliest accepted (Tailor:Ingestion:EarliestTimestamp).");
            return null;
        }

        return corrected;
    }
}
