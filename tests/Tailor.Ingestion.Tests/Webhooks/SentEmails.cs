using Tailor.Ingestion.Tests.Reports;
using Tailor.Links;

namespace Tailor.Ingestion.Tests.Webhooks;

/// <summary>Puts an email through Ingestion's <c>EmailsWritten</c> consumer, as ContentGeneration would, so webhooks can refer to it.</summary>
internal static class SentEmails
{
    public const string UserId = "12583";
    public const string CampaignId = "december-picks";
    public const string ShownItem = "85123A";

    public static Task<Guid> SendAsync(IngestionApp app) => CampaignEmailsSent.SendAsync(app, CampaignId, UserId, arm: null, variant: null);

    /// <summary>A product link as ContentGeneration writes it, signed with the key both services use by default.</summary>
    public static string ProductLink(Guid emailId, string itemId = ShownItem) =>
        $"https://email.example.com/c/{emailId:D}/{itemId}?s={new LinkSignature(LinkSigningOptions.DevelopmentKey).Sign(emailId, itemId)}";

    /// <summary>The same link with its signature cut off, as someone who guessed an email id would write it.</summary>
    public static string UnsignedProductLink(Guid emailId, string itemId = ShownItem) => $"https://email.example.com/c/{emailId:D}/{itemId}";
}
