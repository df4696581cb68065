using Tailor.Contracts;
using Tailor.Ingestion.Tests.Webhooks;
using Tailor.Testing;

namespace Tailor.Ingestion.Tests.Reports;

/// <summary>Emails of one campaign put through Ingestion's <c>EmailsWritten</c> consumer, as ContentGeneration records them for each arm.</summary>
internal static class CampaignEmailsSent
{
    /// <param name="arm">Null for an email recorded before control groups (personalised).</param>
    public static async Task<Guid> SendAsync(IngestionApp app, string campaignId, string userId, string? arm, string? variant)
    {
        var emailId = Guid.NewGuid();
        var page = new EmailsWritten(
            Guid.NewGuid(),
            IngestionApp.Now,
            campaignId,
            [new WrittenEmailRecord(Guid.NewGuid(), userId, IngestionApp.Now, emailId, IngestionApp.Now, [SentEmails.ShownItem, "22423"], variant, arm)]);
        await app.Harness.Bus.Publish(page, TestContext.Current.CancellationToken);
        Assert.True(await app.ConsumedAsync<EmailsWritten>(message => message.EventId == page.EventId));
        return emailId;
    }

    /// <summary>Waits until Ingestion consumed every <c>EmailEngaged</c> it published: each is counted in the report when consumed.</summary>
    public static async Task EngagementsCountedAsync(IngestionApp app)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var published = app.Published<EmailEngaged>().Count;
        await Polling.WithinAsync(() => app.Harness.Consumed.Select<EmailEngaged>(cancellationToken).Count() >= published);

        Assert.Equal(published, app.Harness.Consumed.Select<EmailEngaged>(cancellationToken).Count());
    }
}
