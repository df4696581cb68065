using Tailor.ContentGeneration.Composition;

namespace Tailor.ContentGeneration.Personalization;

/// <summary>The headers bulk senders must carry so mail clients offer one-click unsubscribe (RFC 2369, RFC 8058).</summary>
public static class UnsubscribeHeaders
{
    public const string ListUnsubscribe = "List-Unsubscribe";
    public const string ListUnsubscribePost = "List-Unsubscribe-Post";

    /// <summary>The https link always; a <c>mailto:</c> before it only when a mailbox that someone processes is configured.</summary>
    public static IReadOnlyDictionary<string, string> For(EmailLinks links, Guid emailId)
    {
        ArgumentNullException.ThrowIfNull(links);
        var https = $"<{links.Unsubscribe(emailId)}>";
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [ListUnsubscribe] = links.UnsubscribeMailto(emailId) is { } mailto ? $"<{mailto}>, {https}" : https,
            [ListUnsubscribePost] = "List-Unsubscribe=One-Click",
        };
    }
}
