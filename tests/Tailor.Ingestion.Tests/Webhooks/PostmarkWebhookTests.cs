using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;

namespace Tailor.Ingestion.Tests.Webhooks;

public sealed class PostmarkWebhookTests
{
    private static readonly Dictionary<string, string?> Configured = new()
    {
        ["Tailor:Ingestion:Webhooks:PostmarkUsername"] = "postmark",
        ["Tailor:Ingestion:Webhooks:PostmarkPassword"] = "s3cret-hook",
    };

    [Theory]
    [InlineData("""{"RecordType":"Delivery","MessageID":"m1","DeliveredAt":"2024-03-05T09:00:00Z"}""", EngagementKind.Delivered)]
    [InlineData("""{"RecordType":"Open","MessageID":"m1","ReceivedAt":"2024-03-05T09:00:00Z","UserAgent":"Mozilla/5.0 (iPhone)"}""", EngagementKind.Open)]
    [InlineData("""{"RecordType":"Bounce","MessageID":"m1","Type":"HardBounce","BouncedAt":"2024-03-05T09:00:00Z"}""", EngagementKind.HardBounce)]
    [InlineData("""{"RecordType":"Bounce","MessageID":"m1","Type":"SoftBounce","BouncedAt":"2024-03-05T09:00:00Z"}""", EngagementKind.SoftBounce)]
    [InlineData("""{"RecordType":"SpamComplaint","MessageID":"m1","BouncedAt":"2024-03-05T09:00:00Z"}""", EngagementKind.Complaint)]
    [InlineData("""{"RecordType":"SubscriptionChange","MessageID":"m1","ChangedAt":"2024-03-05T09:00:00Z","SuppressSending":true}""", EngagementKind.Unsubscribe)]
    [InlineData("""{"RecordType":"SubscriptionChange","MessageID":"m1","ChangedAt":"2024-03-05T09:00:00Z","SuppressSending":false}""", EngagementKind.Resubscribe)]
    public async Task Records_map_to_their_kind(string record, EngagementKind expected)
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);

        using var response = await PostAsync(app, WithEmail(record, emailId), "postmark", "s3cret-hook");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Assert.Single(app.Published<EmailEngaged>()).Kind);
    }

    [Theory]
    [InlineData("""{"RecordType":"Open","MessageID":"m1","ReceivedAt":"3000-01-01T00:00:00Z"}""", "ReceivedAt", "1 day ahead")]
    [InlineData("""{"RecordType":"Delivery","MessageID":"m1","DeliveredAt":"2024-03-06T10:00:01Z"}""", "DeliveredAt", "1 day ahead")]
    // A reactivation is not a stop: dated now, one from 1970 would lift a newer unsubscribe.
    [InlineData("""{"RecordType":"SubscriptionChange","MessageID":"m1","ChangedAt":"1970-01-01T00:00:00Z","SuppressSending":false}""", "ChangedAt", "before 2000-01-01")]
    public async Task A_record_dated_outside_the_accepted_range_is_a_400_naming_its_time(string record, string field, string message)
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);

        using var response = await PostAsync(app, WithEmail(record, emailId), "postmark", "s3cret-hook");

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Equal([field], errors.Keys);
        Assert.Contains(message, Assert.Single(errors[field]), StringComparison.Ordinal);
        Assert.Empty(app.Published<EmailEngaged>());
        Assert.Empty(await app.RecordedAsync<EmailEngaged>());
    }

    [Theory]
    [InlineData("""{"RecordType":"SubscriptionChange","MessageID":"m1","ChangedAt":"1970-01-01T00:00:00Z","SuppressSending":true}""", EngagementKind.Unsubscribe)]
    [InlineData("""{"RecordType":"SpamComplaint","MessageID":"m1","BouncedAt":"3000-01-01T00:00:00Z"}""", EngagementKind.Complaint)]
    [InlineData("""{"RecordType":"SpamComplaint","MessageID":"m1","BouncedAt":"yesterday"}""", EngagementKind.Complaint)]
    public async Task A_stop_dated_outside_the_accepted_range_is_kept_at_the_time_it_arrived(string record, EngagementKind expected)
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);

        using var response = await PostAsync(app, WithEmail(record, emailId), "postmark", "s3cret-hook");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stop = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal((expected, IngestionApp.Now), (stop.Kind, stop.OccurredAt));
    }

    [Fact]
    public async Task A_click_on_a_shown_product_names_the_item()
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);
        var record = $$"""{"RecordType":"Click","MessageID":"m1","ReceivedAt":"2024-03-05T09:00:00Z","OriginalLink":"{{SentEmails.ProductLink(emailId)}}"}""";

        using var response = await PostAsync(app, record, "postmark", "s3cret-hook");

        var click = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal((EngagementKind.Click, SentEmails.ShownItem, emailId), (click.Kind, click.ItemId, click.EmailId));
    }

    [Fact]
    public async Task A_click_on_an_unsigned_product_link_counts_as_a_click_but_names_no_item()
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);
        var record = $$"""{"RecordType":"Click","MessageID":"m1","ReceivedAt":"2024-03-05T09:00:00Z","OriginalLink":"{{SentEmails.UnsignedProductLink(emailId)}}"}""";

        using var response = await PostAsync(app, record, "postmark", "s3cret-hook");

        var click = Assert.Single(app.Published<EmailEngaged>());
        Assert.Equal((EngagementKind.Click, null, emailId), (click.Kind, click.ItemId, click.EmailId));
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_nothing_is_kept()
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);

        using var response = await PostAsync(app, WithEmail("""{"RecordType":"Delivery","MessageID":"m1","DeliveredAt":"2024-03-05T09:00:00Z"}""", emailId), "postmark", "guess");

        await Problems.TitleAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(app.Published<EmailEngaged>());
    }

    [Fact]
    public async Task An_open_by_apple_privacy_protection_is_recorded_and_flagged()
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);
        var record = WithEmail(
            """{"RecordType":"Open","MessageID":"m1","FirstOpen":true,"ReceivedAt":"2024-03-05T09:00:00Z","UserAgent":"Mozilla/5.0","Platform":"Unknown"}""",
            emailId);

        using var response = await PostAsync(app, record, "postmark", "s3cret-hook");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Assert.Single(app.Published<EmailEngaged>()).IsMachineOpen);
    }

    [Fact]
    public async Task Engagements_are_counted_by_kind_campaign_variant_and_machine_open()
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        using var engagements = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), IngestionMetrics.MeterName, IngestionMetrics.EngagementsName);
        var emailId = await SentEmails.SendAsync(app);
        var machineOpen = """{"RecordType":"Open","MessageID":"m1","FirstOpen":true,"ReceivedAt":"2024-03-05T09:00:00Z","UserAgent":"Mozilla/5.0","Platform":"Unknown"}""";
        var click = $$"""{"RecordType":"Click","MessageID":"m1","ReceivedAt":"2024-03-05T09:05:00Z","OriginalLink":"{{SentEmails.ProductLink(emailId)}}"}""";

        using var opened = await PostAsync(app, WithEmail(machineOpen, emailId), "postmark", "s3cret-hook");
        using var clicked = await PostAsync(app, click, "postmark", "s3cret-hook");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (opened.StatusCode, clicked.StatusCode));
        Assert.Equal(
            [("open", SentEmails.CampaignId, "none", true), ("click", SentEmails.CampaignId, "none", false)],
            engagements.GetMeasurementSnapshot().Select(measurement => (
                measurement.Tags["tailor.engagement.kind"] as string,
                measurement.Tags["tailor.campaign.id"] as string,
                measurement.Tags["tailor.subject.variant"] as string,
                (bool)measurement.Tags["tailor.engagement.machine_open"]!)));
    }

    [Fact]
    public async Task The_same_record_sent_twice_has_one_effect()
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        var emailId = await SentEmails.SendAsync(app);
        var record = WithEmail("""{"RecordType":"SpamComplaint","MessageID":"m1","BouncedAt":"2024-03-05T09:00:00Z"}""", emailId);

        using var first = await PostAsync(app, record, "postmark", "s3cret-hook");
        using var retried = await PostAsync(app, record, "postmark", "s3cret-hook");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retried.StatusCode));
        Assert.Single(app.Published<EmailEngaged>());
        Assert.Single(await app.RecordedAsync<EmailEngaged>());
    }

    [Fact]
    public async Task Without_credentials_configured_the_endpoint_is_404()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await PostAsync(app, """{"RecordType":"Delivery","MessageID":"m1","DeliveredAt":"2024-03-05T09:00:00Z"}""", "", "");

        Assert.Equal("Webhook not configured", await Problems.TitleAsync(response, HttpStatusCode.NotFound));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_unsubscribe_bounce_suppresses_the_address_with_or_without_bounced_at(bool withBouncedAt)
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        await Recipient.IdentifyAsync(app);
        var emailId = await SentEmails.SendAsync(app);
        var record = DocumentedBounce(emailId, "Unsubscribe", 16, "Unsubscribe request", inactive: false, bouncedAt: withBouncedAt ? "2024-03-05T09:30:00Z" : null);

        using var response = await SendAsync(app, ProviderSigner.Postmark(record));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var engaged = await Recipient.AppliedAsync(app, "postmark:bounce:Unsubscribe");
        Assert.Equal(EngagementKind.Unsubscribe, engaged.Kind);
        Assert.Equal(withBouncedAt ? new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.Zero) : IngestionApp.Now, engaged.OccurredAt);
        Assert.True(await Recipient.SuppressedInProfileAsync(app));
        Assert.Equal((EngagementKind.Unsubscribe, "postmark:bounce:Unsubscribe"), await ReasonAndSourceAsync(app));
    }

    [Theory]
    [InlineData("HardBounce", 1, false, EngagementKind.HardBounce, "postmark:bounce:HardBounce")]
    [InlineData("BadEmailAddress", 100000, false, EngagementKind.HardBounce, "postmark:bounce:BadEmailAddress")]
    [InlineData("ManuallyDeactivated", 100002, true, EngagementKind.Unsubscribe, "postmark:bounce:ManuallyDeactivated:inactive")]
    [InlineData("SpamNotification", 512, false, EngagementKind.Complaint, "postmark:bounce:SpamNotification")]
    [InlineData("SpamComplaint", 100001, true, EngagementKind.Complaint, "postmark:bounce:SpamComplaint:inactive")]
    [InlineData("Transient", 2, true, EngagementKind.HardBounce, "postmark:bounce:Transient:inactive")]
    [InlineData("", 16, false, EngagementKind.Unsubscribe, "postmark:bounce:Unsubscribe")]
    public async Task Bounce_types_that_mean_do_not_send_suppress(string type, int typeCode, bool inactive, EngagementKind expected, string source)
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        await Recipient.IdentifyAsync(app);
        var emailId = await SentEmails.SendAsync(app);

        using var response = await SendAsync(app, ProviderSigner.Postmark(DocumentedBounce(emailId, type, typeCode, type, inactive, "2024-03-05T09:30:00Z")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await Recipient.AppliedAsync(app, source)).Kind);
        Assert.True(await Recipient.SuppressedInProfileAsync(app));
    }

    [Theory]
    [InlineData("SoftBounce", 4096)]
    [InlineData("AutoResponder", 64)]
    [InlineData("DMARCPolicy", 100009)]
    public async Task Bounce_types_about_the_moment_or_the_sender_suppress_nothing(string type, int typeCode)
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        await Recipient.IdentifyAsync(app);
        var emailId = await SentEmails.SendAsync(app);

        using var response = await SendAsync(app, ProviderSigner.Postmark(DocumentedBounce(emailId, type, typeCode, type, inactive: false, "2024-03-05T09:30:00Z")));

        Assert.Equal(EngagementKind.SoftBounce, (await Recipient.AppliedAsync(app, $"postmark:bounce:{type}")).Kind);
        Assert.False(await Recipient.SuppressedInProfileAsync(app));
        Assert.Null(await Recipient.SuppressionAsync(app));
    }

    [Theory]
    [InlineData("ManualSuppression", EngagementKind.Unsubscribe)]
    [InlineData("HardBounce", EngagementKind.HardBounce)]
    [InlineData("SpamComplaint", EngagementKind.Complaint)]
    public async Task A_subscription_change_that_suppresses_keeps_its_suppression_reason(string suppressionReason, EngagementKind expected)
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        await Recipient.IdentifyAsync(app);
        var emailId = await SentEmails.SendAsync(app);
        var record = $$"""
            {"RecordType": "SubscriptionChange", "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483", "ServerID": 123456, "MessageStream": "broadcast",
             "ChangedAt": "2024-03-05T09:30:00.416071Z", "Recipient": "ada@example.com", "Origin": "Recipient", "SuppressSending": true,
             "SuppressionReason": "{{suppressionReason}}", "Tag": "december-picks", "Metadata": {"tailor_email_id": "{{emailId:D}}"} }
            """;

        using var response = await SendAsync(app, ProviderSigner.Postmark(record));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await Recipient.AppliedAsync(app, $"postmark:subscription-change:{suppressionReason}")).Kind);
        Assert.True(await Recipient.SuppressedInProfileAsync(app));
        Assert.Equal((expected, $"postmark:subscription-change:{suppressionReason}"), await ReasonAndSourceAsync(app));
    }

    [Fact]
    public async Task A_suppression_and_a_reactivation_that_name_no_message_change_the_address_by_its_recipient()
    {
        await using var app = await IngestionApp.StartAsync(configure: Configured);
        using var counts = new WebhookEventCounts(app);
        await Recipient.IdentifyAsync(app);
        // As Postmark documents them: no MessageID for a suppression made by the sender, nor for a reactivation, whose
        // SuppressionReason and Tag are null and Metadata empty.
        const string suppressed = """
            {"RecordType": "SubscriptionChange", "MessageID": null, "ServerID": 123456, "MessageStream": "broadcast", "ChangedAt": "2024-03-05T09:30:00Z",
             "Recipient": "Ada@Example.com", "Origin": "Customer", "SuppressSending": true, "SuppressionReason": "ManualSuppression", "Tag": null, "Metadata": {}}
            """;
        const string reactivated = """
            {"RecordType": "SubscriptionChange", "MessageID": null, "ServerID": 123456, "MessageStream": "broadcast", "ChangedAt": "2024-03-05T09:45:00Z",
             "Recipient": "ada@example.com", "Origin": "Customer", "SuppressSending": false, "SuppressionReason": null, "Tag": null, "Metadata": {}}
            """;

        using var suppressing = await SendAsync(app, ProviderSigner.Postmark(suppressed));

        Assert.Equal(HttpStatusCode.OK, suppressing.StatusCode);
        Assert.Equal(1, (await IngestionApp.ReadJsonAsync(suppressing)).GetProperty("byAddress").GetInt32());
        Assert.True(await Recipient.SuppressedInProfileAsync(app));
        Assert.Equal((EngagementKind.Unsubscribe, "postmark:subscription-change:ManualSuppression"), await ReasonAndSourceAsync(app));

        using var reactivating = await SendAsync(app, ProviderSigner.Postmark(reactivated));

        Assert.Equal(HttpStatusCode.OK, reactivating.StatusCode);
        Assert.False(await Recipient.SuppressedInProfileAsync(app));
        Assert.True((await Recipient.SuppressionAsync(app))!.Lifted);
        Assert.Equal((2, 0, 0), (counts["by_address"], counts["accepted"], counts["unknown_email"]));
        Assert.Empty(app.Published<EmailEngaged>());
    }

    /// <summary>A Bounce record shaped as Postmark documents its bounce webhook; <paramref name="bouncedAt"/> null leaves the field out.</summary>
    private static string DocumentedBounce(Guid emailId, string type, int typeCode, string name, bool inactive, string? bouncedAt) => $$"""
        {"Metadata": {"tailor_email_id": "{{emailId:D}}"}, "RecordType": "Bounce", "ID": 4323372036854775807, "Type": "{{type}}", "TypeCode": {{typeCode}},
         "Name": "{{name}}", "Tag": "december-picks", "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483", "ServerID": 23, "MessageStream": "outbound",
         "Description": "Reported by the receiving server.", "Details": "Test bounce details", "Email": "ada@example.com", "From": "news@shop.example",
         {{(bouncedAt is null ? "" : $"\"BouncedAt\": \"{bouncedAt}\",")}} "DumpAvailable": true, "Inactive": {{(inactive ? "true" : "false")}},
         "CanActivate": true, "Subject": "Picks for you", "Content": "Return-Path: <>"}
        """;

    private static async Task<(EngagementKind? Reason, string? Source)> ReasonAndSourceAsync(IngestionApp app) =>
        await Recipient.SuppressionAsync(app) is { } suppression ? (suppression.Reason, suppression.Source) : (null, null);

    private static async Task<HttpResponseMessage> SendAsync(IngestionApp app, HttpRequestMessage request)
    {
        using var client = app.AnonymousClient();
        using (request)
        {
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }
    }

    private static string WithEmail(string record, Guid emailId) =>
        record.Replace("\"RecordType\"", $"\"Metadata\":{{\"tailor_email_id\":\"{emailId:D}\"}},\"RecordType\"", StringComparison.Ordinal);

    private static async Task<HttpResponseMessage> PostAsync(IngestionApp app, string record, string user, string password)
    {
        using var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return await client.PostAsync("/v1/webhooks/postmark", new StringContent(record, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
    }
}
