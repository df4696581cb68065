using Tailor.Contracts;
using Tailor.Ingestion.Tests.Webhooks;

namespace Tailor.Ingestion.Tests.Reports;

/// <summary>Emails of one campaign put through Ingestion's <c>EmailReady</c> consumer, as ContentGeneration writes them for each arm.</summary>
internal static class CampaignEmailsSent
{
    public static async Task<Guid> SendAsync(IngestionApp app, string campaignId, string userId, string arm, string? variant)
    {
        var emailId = Guid.NewGuid();
        var customArgs = new Dictionary<string, string>
        {
            ["tailor_email_id"] = emailId.ToString("D"), ["tailor_user_id"] = userId, ["tailor_campaign_id"] = campaignId, ["tailor_arm"] = arm,
        };
        await app.Harness.Bus.Publish(
            new EmailReady(
                Guid.NewGuid(), userId, IngestionApp.Now, emailId, campaignId, $"customer-{userId}@example.com",
                arm == CampaignArms.Control ? "Tailor Shop: this week's bestsellers" : "Anna, your picks", "Four picks", "<p>picks</p>", "picks",
                new Dictionary<string, string>(), IngestionApp.Now, "template-composer/1", [SentEmails.ShownItem, "22423"],
                CustomArgs: customArgs, SubjectVariant: variant, Arm: arm),
            TestContext.Current.CancellationToken);
        Assert.True(await app.ConsumedAsync<EmailReady>(message => message.EmailId == emailId));
        return emailId;
    }

    /// <summary>Waits until Ingestion consumed every <c>EmailEngaged</c> it published: each is counted in the report when consumed.</summary>
    public static async Task EngagementsCountedAsync(IngestionApp app)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var published = app.Published<EmailEngaged>().Count;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (app.Harness.Consumed.Select<EmailEngaged>(cancellationToken).Count() < published && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, cancellationToken);
        }

        Assert.Equal(published, app.Harness.Consumed.Select<EmailEngaged>(cancellationToken).Count());
    }
}
