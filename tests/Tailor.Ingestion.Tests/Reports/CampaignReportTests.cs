using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Security;
using Tailor.Ingestion.Tests.Links;
using Tailor.Ingestion.Tests.Webhooks;

namespace Tailor.Ingestion.Tests.Reports;

/// <summary><c>GET /v1/campaigns/{id}/report</c> from emails sent and signed webhooks replayed, checked against a hand count.</summary>
public sealed class CampaignReportTests
{
    private const string CampaignId = "spring-lift";
    private const string Variant1 = "subject-1";
    private const string Variant2 = "subject-2";
    private const string HumanAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";

    [Fact]
    public async Task Counts_emails_per_arm_and_variant_and_the_lift_with_its_intervals_once_however_often_webhooks_retry()
    {
        using var signer = new ProviderSigner();
        await using var app = await IngestionApp.StartAsync(configure: signer.Configuration);
        using var campaignEmails = new MetricCollector<long>(
            app.Services.GetRequiredService<IMeterFactory>(), IngestionMetrics.MeterName, IngestionMetrics.CampaignEmailsName);
        var p = new Guid[8];
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = await CampaignEmailsSent.SendAsync(app, CampaignId, $"p{i + 1}", CampaignArms.Personalised, i < 4 ? Variant1 : Variant2);
        }

        var c = new Guid[4];
        for (var i = 0; i < c.Length; i++)
        {
            c[i] = await CampaignEmailsSent.SendAsync(app, CampaignId, $"c{i + 1}", CampaignArms.Control, variant: null);
        }

        // The hand count. Personalised, subject-1: p1 opened twice and clicked, p2 opened and clicked through Tailor's link,
        // p3 opened (the provider retries that event), p4 opened only by Apple's privacy proxy. Subject-2: p5 opened and
        // unsubscribed through the link, p6 delivered and left alone, p7 opened with its delivery event lost, p8 bounced.
        // Control: c1 opened and clicked, c2 opened by a proxy only, c3 complained, c4 delivered and left alone.
        string[] events =
        [
            .. p.Take(6).Concat(c).Select((email, i) => Event($"delivered-{i}", "delivered", email)),
            Event("open-p1", "open", p[0]), Event("open-p1-again", "open", p[0]), Event("click-p1", "click", p[0], $""" "url": "{SentEmails.ProductLink(p[0])}" """),
            Event("open-p2", "open", p[1]),
            Event("open-p3", "open", p[2]),
            Event("proxy-p4", "open", p[3], """ "sg_machine_open": true """),
            Event("open-p5", "open", p[4]),
            Event("open-p7", "open", p[6]),
            Event("bounce-p8", "bounce", p[7], """ "type": "bounce", "reason": "550 5.1.1 unknown user" """),
            Event("open-c1", "open", c[0]), Event("click-c1", "click", c[0], $""" "url": "{SentEmails.ProductLink(c[0])}" """),
            Event("proxy-c2", "open", c[1], """ "sg_machine_open": true """),
            Event("spam-c3", "spamreport", c[2]),
        ];
        await PostSignedAsync(app, signer, $"[{string.Join(',', events)}]");
        await PostSignedAsync(app, signer, $"[{Event("open-p3", "open", p[2])}]");
        await PostSignedAsync(app, signer, $"[{string.Join(',', events)}]");
        await ClickAsync(app, p[1]);
        await ClickAsync(app, p[1]);
        await UnsubscribeAsync(app, p[4]);
        await CampaignEmailsSent.EngagementsCountedAsync(app);

        var report = await ReportAsync(app, CampaignId);

        Assert.Equal((CampaignId, "delivered"), (report.GetProperty("campaignId").GetString(), report.GetProperty("rateBase").GetString()));
        AssertCounts(report.GetProperty("total"), sent: 12, delivered: 11, opens: 6, machineOpens: 2, clicks: 3, unsubscribes: 1, complaints: 1, bounces: 1);
        var arms = report.GetProperty("arms").EnumerateArray().ToList();
        Assert.Equal([CampaignArms.Personalised, CampaignArms.Control], arms.Select(arm => arm.GetProperty("arm").GetString()));
        AssertCounts(arms[0], sent: 8, delivered: 7, opens: 5, machineOpens: 1, clicks: 2, unsubscribes: 1, complaints: 0, bounces: 1);
        AssertCounts(arms[1], sent: 4, delivered: 4, opens: 1, machineOpens: 1, clicks: 1, unsubscribes: 0, complaints: 1, bounces: 0);
        Assert.Equal(5.0 / 7, arms[0].GetProperty("openRate").GetDouble(), 1e-12);
        Assert.Equal(1.0 / 4, arms[1].GetProperty("clickRate").GetDouble(), 1e-12);

        var variants = report.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(
            [(CampaignArms.Personalised, Variant1), (CampaignArms.Personalised, Variant2), (CampaignArms.Control, "none")],
            variants.Select(row => (row.GetProperty("arm").GetString(), row.GetProperty("variant").GetString())));
        AssertCounts(variants[0], sent: 4, delivered: 4, opens: 3, machineOpens: 1, clicks: 2, unsubscribes: 0, complaints: 0, bounces: 0);
        AssertCounts(variants[1], sent: 4, delivered: 3, opens: 2, machineOpens: 0, clicks: 0, unsubscribes: 1, complaints: 0, bounces: 1);
        AssertCounts(variants[2], sent: 4, delivered: 4, opens: 1, machineOpens: 1, clicks: 1, unsubscribes: 0, complaints: 1, bounces: 0);

        // Opens by hand: 5 of 7 delivered against 1 of 4. Wilson 95% intervals: 5/7 → (0.358934, 0.917781), 1/4 → (0.045587,
        // 0.699358). Newcombe: 0.464286 − √((0.714286 − 0.358934)² + (0.699358 − 0.25)²) = 0.464286 − 0.572885 = −0.108599;
        // 0.464286 + √((0.917781 − 0.714286)² + (0.25 − 0.045587)²) = 0.464286 + 0.288436 = 0.752721. Ratio 2.857143, standard
        // error of its log √(1/5 − 1/7 + 1/1 − 1/4) = 0.898411, so 2.857143·exp(∓1.959964 × 0.898411) = 0.491137 to 16.621149.
        var lift = report.GetProperty("lift");
        Assert.Equal(0.95, lift.GetProperty("confidenceLevel").GetDouble());
        Assert.Contains("Newcombe", lift.GetProperty("method").GetString(), StringComparison.Ordinal);
        var open = lift.GetProperty("open");
        Assert.Equal((5.0 / 7, 0.25), (open.GetProperty("personalisedRate").GetDouble(), open.GetProperty("controlRate").GetDouble()));
        AssertInterval(open.GetProperty("difference"), 0.464286, -0.108599, 0.752721);
        AssertInterval(open.GetProperty("ratio"), 2.857143, 0.491137, 16.621149);
        // Clicks by hand: 2 of 7 against 1 of 4. Wilson: 2/7 → (0.082219, 0.641066). Newcombe: 0.035714 ∓ … = −0.457574 to
        // 0.445664. Ratio 1.142857, log standard error √(1/2 − 1/7 + 1 − 1/4) = 1.052209: 0.145328 to 8.987388.
        var click = lift.GetProperty("click");
        AssertInterval(click.GetProperty("difference"), 0.035714, -0.457574, 0.445664);
        AssertInterval(click.GetProperty("ratio"), 1.142857, 0.145328, 8.987388);

        // The metric counts each email once per outcome, as the report does, with the arm and the variant.
        var measurements = campaignEmails.GetMeasurementSnapshot();
        Assert.Equal(12, Count(measurements, "sent"));
        Assert.Equal(6, Count(measurements, "open"));
        Assert.Equal(2, Count(measurements, "machine_open"));
        Assert.Equal(1, Count(measurements, "open", CampaignArms.Control));
        Assert.Equal(3, Count(measurements, "open", CampaignArms.Personalised, Variant1));
        Assert.Equal(3, Count(measurements, "click"));
    }

    [Fact]
    public async Task A_campaign_without_a_control_group_reports_the_arm_it_has_and_no_lift()
    {
        using var signer = new ProviderSigner();
        await using var app = await IngestionApp.StartAsync(configure: signer.Configuration);
        var first = await CampaignEmailsSent.SendAsync(app, "no-control", "u1", CampaignArms.Personalised, variant: null);
        await CampaignEmailsSent.SendAsync(app, "no-control", "u2", CampaignArms.Personalised, variant: null);
        await PostSignedAsync(app, signer, $"[{Event("open-u1", "open", first)}]");
        await CampaignEmailsSent.EngagementsCountedAsync(app);

        var report = await ReportAsync(app, "no-control");

        // No delivery events came, so the rates are over the emails sent.
        Assert.Equal("sent", report.GetProperty("rateBase").GetString());
        var arm = Assert.Single(report.GetProperty("arms").EnumerateArray());
        Assert.Equal(CampaignArms.Personalised, arm.GetProperty("arm").GetString());
        AssertCounts(arm, sent: 2, delivered: 1, opens: 1, machineOpens: 0, clicks: 0, unsubscribes: 0, complaints: 0, bounces: 0);
        Assert.Equal(0.5, arm.GetProperty("openRate").GetDouble());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("lift").ValueKind);
        Assert.Contains("no control group", report.GetProperty("liftUnavailable").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_requested_but_not_yet_written_reports_nothing_sent()
    {
        await using var app = await IngestionApp.StartAsync();
        using var requested = await app.PostAsync("/v1/campaigns", new
        {
            name = "Spring", goal = "Sell garden sets", audience = "all", controlShare = 0.1,
            sendWindow = new { start = IngestionApp.Now, end = IngestionApp.Now.AddDays(1) },
        });
        var campaignId = (await IngestionApp.ReadJsonAsync(requested)).GetProperty("campaignId").GetString()!;

        var report = await ReportAsync(app, campaignId);

        AssertCounts(report.GetProperty("total"), sent: 0, delivered: 0, opens: 0, machineOpens: 0, clicks: 0, unsubscribes: 0, complaints: 0, bounces: 0);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("total").GetProperty("openRate").ValueKind);
        Assert.Empty(report.GetProperty("arms").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("lift").ValueKind);
    }

    [Theory]
    [InlineData("never-requested")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public async Task An_unknown_campaign_is_a_404_problem(string campaignId)
    {
        await using var app = await IngestionApp.StartAsync();
        await CampaignEmailsSent.SendAsync(app, "another-campaign", "u1", CampaignArms.Personalised, variant: null);

        using var response = await app.Client.GetAsync($"/v1/campaigns/{campaignId}/report", TestContext.Current.CancellationToken);

        Assert.Equal("Unknown campaign", await Problems.TitleAsync(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task The_report_needs_the_admin_scope()
    {
        await using var app = await IngestionApp.StartAsync();
        await CampaignEmailsSent.SendAsync(app, CampaignId, "u1", CampaignArms.Personalised, variant: null);
        using var campaigns = await ApiKeyAuthenticationTests.ClientWithScopesAsync(app, ApiScopes.Campaigns);

        using var response = await campaigns.GetAsync($"/v1/campaigns/{CampaignId}/report", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Erasing_a_user_takes_their_email_out_of_the_counts()
    {
        await using var app = await IngestionApp.StartAsync();
        await CampaignEmailsSent.SendAsync(app, CampaignId, "u1", CampaignArms.Personalised, variant: null);
        await CampaignEmailsSent.SendAsync(app, CampaignId, "u2", CampaignArms.Control, variant: null);

        using var erased = await app.Client.DeleteAsync("/v1/users/u1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        var arm = Assert.Single((await ReportAsync(app, CampaignId)).GetProperty("arms").EnumerateArray());
        Assert.Equal((CampaignArms.Control, 1), (arm.GetProperty("arm").GetString(), arm.GetProperty("sent").GetInt32()));
    }

    [Fact]
    public async Task A_click_by_a_person_counts_as_an_open_when_no_human_open_was_recorded()
    {
        using var signer = new ProviderSigner();
        await using var app = await IngestionApp.StartAsync(configure: signer.Configuration);
        var blockedImages = await CampaignEmailsSent.SendAsync(app, "clicks-open", "u1", CampaignArms.Personalised, variant: null);
        var proxied = await CampaignEmailsSent.SendAsync(app, "clicks-open", "u2", CampaignArms.Personalised, variant: null);
        var both = await CampaignEmailsSent.SendAsync(app, "clicks-open", "u3", CampaignArms.Personalised, variant: null);

        // u1's client blocked the tracking pixel, so only the click came; u2's pixel was fetched by Apple's proxy alone and u2
        // clicked through Tailor's link; u3 was opened by the proxy and by the person.
        await PostSignedAsync(app, signer, $"[{Event("click-u1", "click", blockedImages, $""" "url": "{SentEmails.ProductLink(blockedImages)}" """)},"
            + $"{Event("proxy-u2", "open", proxied, """ "sg_machine_open": true """)},"
            + $"{Event("proxy-u3", "open", both, """ "sg_machine_open": true """)},{Event("open-u3", "open", both)}]");
        await ClickAsync(app, proxied);
        await CampaignEmailsSent.EngagementsCountedAsync(app);

        var report = await ReportAsync(app, "clicks-open");

        AssertCounts(report.GetProperty("total"), sent: 3, delivered: 3, opens: 3, machineOpens: 2, clicks: 2, unsubscribes: 0, complaints: 0, bounces: 0);
        Assert.Equal(1.0, report.GetProperty("total").GetProperty("openRate").GetDouble());
    }

    [Fact]
    public async Task Engagements_for_an_erased_users_email_or_an_email_never_written_change_nothing()
    {
        using var signer = new ProviderSigner();
        await using var app = await IngestionApp.StartAsync(configure: signer.Configuration);
        var erasedEmail = await CampaignEmailsSent.SendAsync(app, CampaignId, "u1", CampaignArms.Personalised, variant: null);
        var kept = await CampaignEmailsSent.SendAsync(app, CampaignId, "u2", CampaignArms.Control, variant: null);
        await PostSignedAsync(app, signer, $"[{Event("open-u2", "open", kept)}]");
        using var erased = await app.Client.DeleteAsync("/v1/users/u1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        await CampaignEmailsSent.EngagementsCountedAsync(app);
        var before = (await ReportAsync(app, CampaignId)).GetRawText();

        // The provider's late events about the erased user's email, and an engagement naming this campaign but an email
        // Tailor never wrote (published on the bus, as the Contracts package allows).
        await PostSignedAsync(app, signer, $"[{Event("delivered-u1", "delivered", erasedEmail)},{Event("open-u1", "open", erasedEmail)}]");
        await app.Harness.Bus.Publish(
            new EmailEngaged(Guid.NewGuid(), "u9", IngestionApp.Now, Guid.NewGuid(), CampaignId, EngagementKind.Open, null, null, IsMachineOpen: false),
            TestContext.Current.CancellationToken);
        await CampaignEmailsSent.EngagementsCountedAsync(app);

        var after = await ReportAsync(app, CampaignId);
        Assert.Equal(before, after.GetRawText());
        var arm = Assert.Single(after.GetProperty("arms").EnumerateArray());
        AssertCounts(arm, sent: 1, delivered: 1, opens: 1, machineOpens: 0, clicks: 0, unsubscribes: 0, complaints: 0, bounces: 0);
    }

    [Fact]
    public async Task A_control_group_of_one_opened_email_gives_the_difference_but_no_ratio_and_says_why()
    {
        using var signer = new ProviderSigner();
        await using var app = await IngestionApp.StartAsync(configure: signer.Configuration);
        var personalised = new Guid[4];
        for (var i = 0; i < personalised.Length; i++)
        {
            personalised[i] = await CampaignEmailsSent.SendAsync(app, "one-control", $"p{i}", CampaignArms.Personalised, variant: null);
        }

        var control = await CampaignEmailsSent.SendAsync(app, "one-control", "c1", CampaignArms.Control, variant: null);
        await PostSignedAsync(app, signer, $"[{Event("open-p0", "open", personalised[0])},{Event("open-p1", "open", personalised[1])},{Event("open-c1", "open", control)}]");
        await CampaignEmailsSent.EngagementsCountedAsync(app);

        var lift = (await ReportAsync(app, "one-control")).GetProperty("lift");

        // 2 of 4 against 1 of 1 (no delivery events: over sent). Newcombe, as python3 computes it: −0.5, −0.849961 to 0.367200.
        var open = lift.GetProperty("open");
        AssertInterval(open.GetProperty("difference"), -0.5, -0.849961, 0.367200);
        Assert.Equal(JsonValueKind.Null, open.GetProperty("ratio").ValueKind);
        Assert.Contains("every email", open.GetProperty("ratioUnavailable").GetString(), StringComparison.Ordinal);
        var click = lift.GetProperty("click");
        Assert.Equal(JsonValueKind.Null, click.GetProperty("ratio").ValueKind);
        Assert.Contains("no email", click.GetProperty("ratioUnavailable").GetString(), StringComparison.Ordinal);
    }

    internal static async Task<JsonElement> ReportAsync(IngestionApp app, string campaignId)
    {
        using var response = await app.Client.GetAsync($"/v1/campaigns/{campaignId}/report", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await IngestionApp.ReadJsonAsync(response);
    }

    private static void AssertCounts(
        JsonElement row, int sent, int delivered, int opens, int machineOpens, int clicks, int unsubscribes, int complaints, int bounces) =>
        Assert.Equal(
            (sent, delivered, opens, machineOpens, clicks, unsubscribes, complaints, bounces),
            (row.GetProperty("sent").GetInt32(), row.GetProperty("delivered").GetInt32(), row.GetProperty("opens").GetInt32(),
             row.GetProperty("machineOpens").GetInt32(), row.GetProperty("clicks").GetInt32(), row.GetProperty("unsubscribes").GetInt32(),
             row.GetProperty("complaints").GetInt32(), row.GetProperty("bounces").GetInt32()));

    internal static void AssertInterval(JsonElement interval, double estimate, double lower, double upper)
    {
        Assert.Equal(estimate, interval.GetProperty("estimate").GetDouble(), 0.000001);
        Assert.Equal(lower, interval.GetProperty("lower").GetDouble(), 0.000001);
        Assert.Equal(upper, interval.GetProperty("upper").GetDouble(), 0.000001);
    }

    private static long Count(IReadOnlyList<CollectedMeasurement<long>> measurements, string outcome, string? arm = null, string? variant = null) =>
        measurements
            .Where(measurement => (string?)measurement.Tags["tailor.campaign.outcome"] == outcome
                && (string?)measurement.Tags["tailor.campaign.id"] == CampaignId
                && (arm is null || (string?)measurement.Tags["tailor.campaign.arm"] == arm)
                && (variant is null || (string?)measurement.Tags["tailor.subject.variant"] == variant))
            .Sum(measurement => measurement.Value);

    internal static async Task PostSignedAsync(IngestionApp app, ProviderSigner signer, string payload)
    {
        using var client = app.AnonymousClient();
        using var request = signer.SendGrid(payload, IngestionApp.Now);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task ClickAsync(IngestionApp app, Guid emailId)
    {
        using var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, TailorLinks.Click(emailId, SentEmails.ShownItem));
        request.Headers.UserAgent.ParseAdd(HumanAgent);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    private static async Task UnsubscribeAsync(IngestionApp app, Guid emailId)
    {
        using var client = app.AnonymousClient();
        using var body = new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await client.PostAsync(TailorLinks.Unsubscribe(emailId), body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A SendGrid Event Webhook event as its reference shows it, with Tailor's custom arguments.</summary>
    internal static string Event(string id, string kind, Guid emailId, string extra = "") =>
        $$"""{"email":"customer@example.com","timestamp":1709629200,"event":"{{kind}}","sg_event_id":"{{id}}","sg_message_id":"m-{{emailId:N}}.filter","tailor_email_id":"{{emailId:D}}","useragent":"{{HumanAgent}}"{{(extra.Length > 0 ? "," + extra : "")}}}""";
}
