using MassTransit;
using MassTransit.Testing;
using Tailor.Contracts;
using Tailor.Ingestion.Consumers;
using Tailor.Ingestion.Tests.Webhooks;
using Tailor.Testing;

namespace Tailor.Ingestion.Tests.Reports;

/// <summary>Emails of one campaign put through Ingestion's <c>EmailsWritten</c> consumer, as ContentGeneration records them for each arm.</summary>
internal static class CampaignEmailsSent
{
    /// <param name="arm">Null for an email recorded before control groups (personalised).</param>
    /// <param name="sendAt">When the email is sent; <see cref="IngestionApp.Now"/> when null.</param>
    public static async Task<Guid> SendAsync(IngestionApp app, string campaignId, string userId, string? arm, string? variant, DateTimeOffset? sendAt = null)
    {
        var emailId = Guid.NewGuid();
        var page = new EmailsWritten(
            Guid.NewGuid(),
            IngestionApp.Now,
            campaignId,
            [new WrittenEmailRecord(Guid.NewGuid(), userId, IngestionApp.Now, emailId, sendAt ?? IngestionApp.Now, [SentEmails.ShownItem, "22423"], variant, arm)]);
        await PublishAsync(app, page);
        return emailId;
    }

    /// <summary>
    /// Publishes the page and waits until both of Ingestion's consumers of it are done: the one that stores and counts the
    /// emails (and releases what was held for them), the one that files them for orders. The bus's own "consumed" is
    /// set by whichever finishes first.
    /// </summary>
    public static async Task PublishAsync(IngestionApp app, EmailsWritten page)
    {
        await app.Harness.Bus.Publish(page, TestContext.Current.CancellationToken);
        Assert.True(await Polling.WithinAsync(() => ConsumedBy<Ingestion.Webhooks.EmailsWrittenConsumer>(app, page) && ConsumedBy<ConversionLedgerConsumer>(app, page)));
    }

    private static bool ConsumedBy<TConsumer>(IngestionApp app, EmailsWritten page)
        where TConsumer : class, IConsumer<EmailsWritten> =>
        app.Harness.GetConsumerHarness<TConsumer>().Consumed.Select<EmailsWritten>(TestContext.Current.CancellationToken).Any(consumed => consumed.Context.Message.EventId == page.EventId);

    /// <summary>Waits until Ingestion consumed every <c>EmailEngaged</c> it published: each is counted in the report when consumed.</summary>
    public static async Task EngagementsCountedAsync(IngestionApp app)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var published = app.Published<EmailEngaged>().Count;
        await Polling.WithinAsync(() => app.Harness.Consumed.Select<EmailEngaged>(cancellationToken).Count() >= published);

        Assert.Equal(published, app.Harness.Consumed.Select<EmailEngaged>(cancellationToken).Count());
    }
}
