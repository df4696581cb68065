using Tailor.ContentGeneration.Composition;

namespace Tailor.ContentGeneration.Personalization;

/// <summary>The headers bulk senders must carry so mail clients offer one-click unsubscribe (RFC 2369, RFC 8058).</summary>
public static class UnsubscribeHeaders
{
    public const string ListUnsubscribe = "List-Unsubscribe";
    public const string ListUnsubscribePost = "List-Unsubscribe-Post";

    public static IReadOnlyDictionary<string, string> For(EmailLinks links, Guid emailId)
    {
        ArgumentNullException.ThrowIfNull(links);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [ListUnsubscribe] = $"<{links.UnsubscribeMailto(emailId)}>, <{links.Unsubscribe(emailId)}>",
            [ListUnsubscribePost] = "List-Unsubscribe=One-Click",
        };
    }
}
