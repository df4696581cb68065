using System.Text.Json;
using Tailor.Contracts;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Webhooks.Ses;

/// <summary>
/// What an SES <c>Subscription</c> event (a change on an SES contact list, made from SES's unsubscribe link or page)
/// means for Tailor, which has no topics: every email Tailor writes may belong to any topic the sender maps it to.
/// <list type="bullet">
/// <item><c>newTopicPreferences.unsubscribeAll: true</c> is an unsubscribe.</item>
/// <item>Any topic opted out in <c>newTopicPreferences.topicSubscriptionStatus</c> is an unsubscribe too: the person
/// said stop to mail like Tailor's, and Tailor cannot tell which topic its mail is.</item>
/// <item>Only an explicit <c>unsubscribeAll: false</c> with no topic opted out (and a topic default that is not
/// <c>OptOut</c>), after <c>oldTopicPreferences</c> showed a stop, is a resubscribe that may lift the suppression.</item>
/// <item>Anything else (opting in to one more topic while already subscribed, preferences missing or unreadable)
/// changes nothing: when in doubt, a suppression stays.</item>
/// </list>
/// </summary>
internal static class SesSubscriptionChange
{
    private const string OptOut = "OptOut";

    /// <returns>The kind and the source to keep with it, or a null kind when the change says nothing Tailor acts on.</returns>
    public static (EngagementKind? Kind, string Source) Read(ObjectReader? subscription)
    {
        var now = subscription?.Value("newTopicPreferences");
        if (now is not { ValueKind: JsonValueKind.Object } preferences)
        {
            // A Subscription event is a person changing what they get; with nothing readable, stopping is the safe side.
            return (EngagementKind.Unsubscribe, "ses:subscription:unreadable");
        }

        if (UnsubscribeAll(preferences) == true)
        {
            return (EngagementKind.Unsubscribe, "ses:subscription:unsubscribeAll");
        }

        if (OptedOutTopic(preferences) is { } topic)
        {
            return (EngagementKind.Unsubscribe, EventSources.Of("ses", "subscription", "OptOut", topic));
        }

        var everythingOptedIn = UnsubscribeAll(preferences) == false && AllTopicsReadable(preferences) && !DefaultsToOptOut(preferences);
        var wasStopped = subscription!.Value("oldTopicPreferences") is { ValueKind: JsonValueKind.Object } before &&
            (UnsubscribeAll(before) == true || OptedOutTopic(before) is not null);
        return everythingOptedIn && wasStopped
            ? (EngagementKind.Resubscribe, "ses:subscription:resubscribed")
            : (null, "ses:subscription:unchanged");
    }

    private static bool? UnsubscribeAll(JsonElement preferences) =>
        preferences.TryGetProperty("unsubscribeAll", out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    private static string? OptedOutTopic(JsonElement preferences)
    {
        foreach (var status in Topics(preferences))
        {
            if (status.ValueKind == JsonValueKind.Object && Text(status, "subscriptionStatus") == OptOut)
            {
                var name = Text(status, "topicName");
                return string.IsNullOrWhiteSpace(name) ? "(unnamed topic)" : name;
            }
        }

        return null;
    }

    // A topic entry that cannot be read might be an opt-out: it keeps a suppression in place.
    private static bool AllTopicsReadable(JsonElement preferences) =>
        (!preferences.TryGetProperty("topicSubscriptionStatus", out var topics) || topics.ValueKind is JsonValueKind.Array or JsonValueKind.Null) &&
        Topics(preferences).All(status => status.ValueKind == JsonValueKind.Object && Text(status, "subscriptionStatus") == "OptIn");

    // Topics the person never chose between take the list's default; an OptOut default means not everything is opted in.
    private static bool DefaultsToOptOut(JsonElement preferences) => Text(preferences, "topicDefaultSubscriptionStatus") == OptOut;

    private static IEnumerable<JsonElement> Topics(JsonElement preferences) =>
        preferences.TryGetProperty("topicSubscriptionStatus", out var topics) && topics.ValueKind == JsonValueKind.Array
            ? topics.EnumerateArray()
            : [];

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
