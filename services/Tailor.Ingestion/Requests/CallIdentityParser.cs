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
        if (timestamp is not { } happened)
        {
            return null;
        }

        if (sentAt is not { } sent)
        {
            return context.Times.Check(call, "timestamp", happened);
        }

        return context.Times.Check(call, "timestamp", Corrected(context.ReceivedAt, sent - happened), "(It was corrected for the sender's clock by sentAt.)");
    }

    // Far-apart timestamp and sentAt (year 1 and year 9999) would move the time past what a DateTimeOffset holds: it
    // stops at that end, which the range check refuses, rather than throwing.
    private static DateTimeOffset Corrected(DateTimeOffset receivedAt, TimeSpan skew)
    {
        var ticks = Math.Clamp(receivedAt.UtcTicks - skew.Ticks, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
