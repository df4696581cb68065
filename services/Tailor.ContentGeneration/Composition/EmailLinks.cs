using Microsoft.Extensions.Options;
using Tailor.Links;

namespace Tailor.ContentGeneration.Composition;

/// <summary>
/// The links and addresses an email carries; all of them name the email, so a click or unsubscribe finds it. Links are
/// signed (<see cref="LinkSignature"/>): a click on a product link Tailor did not write teaches nothing, and nobody can
/// unsubscribe someone else by guessing an email id. Ingestion serves both kinds of link.
/// </summary>
public sealed class EmailLinks(IOptions<ContentGenerationOptions> options, LinkSignature signature)
{
    private readonly string _trackingBase = options.Value.TrackingBaseUrl.TrimEnd('/');
    private readonly string _unsubscribeBase = options.Value.UnsubscribeBaseUrl.TrimEnd('/');
    private readonly string? _unsubscribeMailbox = options.Value.UnsubscribeMailbox;

    public string Product(Guid emailId, string itemId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        return $"{_trackingBase}/c/{emailId:D}/{Uri.EscapeDataString(itemId)}?{LinkSignature.QueryParameter}={signature.Sign(emailId, itemId)}";
    }

    /// <summary>The one-click unsubscribe URL (RFC 8058), also linked from the footer; it opens a confirmation page.</summary>
    public string Unsubscribe(Guid emailId) =>
        $"{_unsubscribeBase}/u/{emailId:D}?{LinkSignature.QueryParameter}={signature.SignUnsubscribe(emailId)}";

    /// <summary>The <c>mailto:</c> unsubscribe address, or null when no mailbox is configured to process it.</summary>
    public string? UnsubscribeMailto(Guid emailId) =>
        _unsubscribeMailbox is null ? null : $"mailto:{_unsubscribeMailbox}?subject=unsubscribe-{emailId:D}";
}
