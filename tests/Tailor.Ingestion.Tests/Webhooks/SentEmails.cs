using Tailor.Contracts;
using Tailor.Messaging;

namespace Tailor.Ingestion.Tests.Webhooks;

/// <summary>Puts an <c>EmailReady</c> through Ingestion's consumer, as ContentGeneration would, so webhooks can refer to it.</summary>
internal static class SentEmails
{
    public const string UserId = "12583";
    public const string CampaignId = "december-picks";
    public const string ShownItem = "85123A";

    public static async Task<Guid> SendAsync(IngestionApp app)
    {
        var emailId = Guid.NewGuid();
        await app.Harness.Bus.Publish(new EmailReady(
            Guid.NewGuid(), UserId, IngestionApp.Now, emailId, CampaignId, "ada@example.com", "Picks for you", "Four picks",
            "<p>picks</p>", "picks", new Dictionary<string, string>(), IngestionApp.Now, "template-composer/1", [ShownItem, "22423"]),
            TestContext.Current.CancellationToken);
        Assert.True(await app.ConsumedAsync<EmailReady>(message => message.EmailId == emailId));
        return emailId;
    }

    /// <summary>A product link as ContentGeneration writes it.</summary>
    /// <summary>A product link as ContentGeneration writes it, signed with the key both services use by default.</summary>
    public static string ProductLink(Guid emailId, string itemId = ShownItem) =>
        $"https://email.example.com/c/{emailId:D}/{itemId}?s={new LinkSignature(LinkSigningOptions.DevelopmentKey).Sign(emailId, itemId)}";

    /// <summary>The same link with its signature cut off, as someone who guessed an email id would write it.</summary>
    public static string UnsignedProductLink(Guid emailId, string itemId = ShownItem) => $"https://email.example.com/c/{emailId:D}/{itemId}";
}
