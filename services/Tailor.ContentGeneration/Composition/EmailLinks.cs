using Microsoft.Extensions.Options;
using Tailor.Messaging;

namespace Tailor.ContentGeneration.Composition;

/// <summary>
/// The links and addresses an email carries; all of them name the email, so a click or unsubscribe finds it. Product
/// links are signed (<see cref="LinkSignature"/>), so a click on a link Tailor did not write teaches nothing.
/// </summary>
public sealed class EmailLinks(IOptions<ContentGenerationOptions> options, LinkSignature signature)
{
    private readonly string _trackingBase = options.Value.TrackingBaseUrl.TrimEnd('/');
    private readonly string _unsubscribeBase = options.Value.UnsubscribeBaseUrl.TrimEnd('/');
    private readonly string _unsubscribeMailbox = options.Value.UnsubscribeMailbox;

    public string Product(Guid emailId, string itemId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        return $"{_trackingBase}/c/{emailId:D}/{Uri.EscapeDataString(itemId)}?{LinkSignature.QueryParameter}={signature.Sign(emailId, itemId)}";
    }

    /// <summary>The one-click unsubscribe URL (RFC 8058), also linked from the footer.</summary>
    public string Unsubscribe(Guid emailId) => $"{_unsubscribeBase}/u/{emailId:D}";

    public string UnsubscribeMailto(Guid emailId) => $"mailto:{_unsubscribeMailbox}?subject=unsubscribe-{emailId:D}";
}
