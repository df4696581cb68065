using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Reads the fields every Segment call shares.</summary>
internal static class CallIdentityParser
{
    /// <returns>Null when <c>userId</c> is missing or invalid (the error is recorded).</returns>
    public static CallIdentity? Parse(ObjectReader call, string callType)
    {
        // userId is required until anonymous ids are merged into users.
        var userId = call.String("userId", FieldLimits.Id, required: true);
        var anonymousId = call.String("anonymousId", FieldLimits.Id);
        var messageId = call.String("messageId", FieldLimits.Id);
        var timestamp = call.Timestamp("timestamp");
        if (messageId is not null && string.IsNullOrWhiteSpace(messageId))
        {
            // Every call with an empty messageId would share one event id and all but the first would be dropped.
            call.Error("messageId", "Must not be empty; leave it out instead.");
        }

        if (userId is null)
        {
            return null;
        }

        var key = messageId is null
            ? $"{callType}:content:{ContentHash.Of(call.Element)}"
            : $"{callType}:message:{messageId}";
        return new CallIdentity(userId, anonymousId, key, timestamp);
    }
}
