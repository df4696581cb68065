using System.Net;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests;

public sealed class CampaignEndpointTests
{
    private static readonly DateTimeOffset WindowStart = new(2011, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly object Christmas = new
    {
        name = "Christmas",
        goal = "Sell gift sets to past buyers",
        audience = "all",
        sendWindow = new { start = WindowStart, end = WindowStart.AddDays(2) },
    };

    [Fact]
    public async Task Campaign_for_everyone_is_accepted_and_published_without_user_ids()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/campaigns", Christmas);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var campaignId = (await IngestionApp.ReadJsonAsync(response)).GetProperty("campaignId").GetString();
        Assert.Equal($"/v1/campaigns/{campaignId}/report", response.Headers.Location?.OriginalString);
        var requested = Assert.Single(app.Published<CampaignRequested>());
        Assert.Equal(campaignId, requested.CampaignId);
        Assert.Equal("Christmas", requested.Name);
        Assert.Equal("Sell gift sets to past buyers", requested.Goal);
        Assert.Null(requested.UserIds);
        Assert.Equal(WindowStart, requested.SendWindowStart);
        Assert.Equal(WindowStart.AddDays(2), requested.SendWindowEnd);
        Assert.Null(requested.CampaignType);
        Assert.Single(await app.RecordedAsync<CampaignRequested>());
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task Location_of_an_accepted_campaign_answers_with_its_report_at_once()
    {
        await using var app = await IngestionApp.StartAsync();
        using var accepted = await app.PostAsync("/v1/campaigns", Christmas);
        var campaignId = (await IngestionApp.ReadJsonAsync(accepted)).GetProperty("campaignId").GetString();

        using var report = await app.Client.GetAsync(accepted.Headers.Location, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var document = await IngestionApp.ReadJsonAsync(report);
        Assert.Equal(campaignId, document.GetProperty("campaignId").GetString());
        Assert.Equal(0, document.GetProperty("total").GetProperty("sent").GetInt32());
    }

    [Fact]
    public async Task Campaign_for_named_users_carries_them_once_each()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/campaigns", new
        {
            name = "Win back",
            goal = "Bring lapsed buyers back",
            audience = new { userIds = new[] { "17850", "13047", "17850" } },
            sendWindow = new { start = WindowStart, end = WindowStart.AddHours(6) },
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["17850", "13047"], Assert.Single(app.Published<CampaignRequested>()).UserIds);
    }

    [Fact]
    public async Task Campaign_for_a_topic_carries_its_label()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/campaigns", """
            {"name":"Hearts","goal":"Sell tea-light holders","audience":{"dominantTopic":"heart, holder, light"},
             "sendWindow":{"start":"2024-03-06T00:00:00Z","end":"2024-03-08T00:00:00Z"}}
            """);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var requested = Assert.Single(app.Published<CampaignRequested>());
        Assert.Equal(("heart, holder, light", null), (requested.DominantTopic, requested.UserIds));
    }

    [Fact]
    public async Task Campaign_for_groups_carries_their_ids_with_the_other_filters()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/campaigns", """
            {"name":"Renewals","goal":"Renew gold accounts","audience":{"groupIds":["acme","globex","acme"],"dominantTopic":"heart, holder, light"},
             "sendWindow":{"start":"2024-03-06T00:00:00Z","end":"2024-03-08T00:00:00Z"}}
            """);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var requested = Assert.Single(app.Published<CampaignRequested>());
        Assert.Equal(["acme", "globex"], requested.GroupIds!);
        Assert.Equal(("heart, holder, light", null), (requested.DominantTopic, requested.UserIds));
    }

    [Theory]
    // JSON escapes: the name holds a line break, and a NUL.
    [InlineData(@"Spring\nfail: forged log line")]
    [InlineData(@"Spring\u0000")]
    [InlineData("<b>Spring</b>")]
    public async Task Campaign_name_that_is_not_plain_text_is_refused_and_nothing_is_published(string name)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync(
            "/v1/campaigns", $$"""{"name":"{{name}}","goal":"g","audience":"all","sendWindow":{"start":"2024-03-06T00:00:00Z","end":"2024-03-08T00:00:00Z"} }""");

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Equal(["name"], errors.Keys);
        Assert.StartsWith("Must be plain text", Assert.Single(errors["name"]), StringComparison.Ordinal);
        Assert.Empty(app.Harness.Published.Select(_ => true, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("""{}""", "audience")]
    [InlineData("""{"dominantTopic":""}""", "audience.dominantTopic")]
    [InlineData("""{"dominantTopic":"<b>hearts</b>"}""", "audience.dominantTopic")]
    public async Task Campaign_audience_without_users_or_a_topic_label_is_refused(string audience, string field)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync(
            "/v1/campaigns", $$"""{"name":"n","goal":"g","audience":{{audience}},"sendWindow":{"start":"2024-03-06T00:00:00Z","end":"2024-03-08T00:00:00Z"} }""");

        Assert.Contains(field, (await Problems.ValidationErrorsAsync(response)).Keys);
    }

    [Theory]
    [InlineData("9999-12-31T00:00:00Z", "9999-12-31T23:59:59Z", "sendWindow.end", "365 days ahead")]
    [InlineData("2024-03-06T00:00:00Z", "2025-03-05T10:00:01Z", "sendWindow.end", "365 days ahead")]
    [InlineData("0001-01-01T00:00:00Z", "2024-03-06T00:00:00Z", "sendWindow.start", "before 2000-01-01")]
    [InlineData("1999-12-31T23:59:59Z", "2000-01-02T00:00:00Z", "sendWindow.start", "before 2000-01-01")]
    public async Task Campaign_send_window_that_cannot_be_planned_is_refused(string start, string end, string field, string message)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync(
            "/v1/campaigns", $$"""{"name":"n","goal":"g","audience":"all","sendWindow":{"start":"{{start}}","end":"{{end}}"} }""");

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Equal([field], errors.Keys);
        Assert.Contains(message, Assert.Single(errors[field]), StringComparison.Ordinal);
        Assert.Empty(app.Published<CampaignRequested>());
        Assert.Equal(0, await app.Events.CountAsync("ingestion", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Campaign_send_window_up_to_the_limit_ahead_is_accepted_and_the_limit_is_configurable()
    {
        var window = new { start = IngestionApp.Now, end = IngestionApp.Now.AddDays(30) };
        await using var app = await IngestionApp.StartAsync();
        await using var shortLead = await IngestionApp.StartAsync(configure: new Dictionary<string, string?> { ["Tailor:Ingestion:MaxSendWindowAhead"] = "7.00:00:00" });

        using var yearAhead = await app.PostAsync("/v1/campaigns", new { name = "n", goal = "g", audience = "all", sendWindow = new { start = IngestionApp.Now, end = IngestionApp.Now.AddDays(365) } });
        using var monthAhead = await shortLead.PostAsync("/v1/campaigns", new { name = "n", goal = "g", audience = "all", sendWindow = window });

        Assert.Equal(HttpStatusCode.Accepted, yearAhead.StatusCode);
        Assert.Contains("7 days ahead", Assert.Single((await Problems.ValidationErrorsAsync(monthAhead))["sendWindow.end"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Campaign_with_a_type_carries_it_and_differs_from_the_same_campaign_of_another_type()
    {
        await using var app = await IngestionApp.StartAsync();
        var window = new { start = WindowStart, end = WindowStart.AddDays(1) };

        using var newsletter = await app.PostAsync("/v1/campaigns", new { name = "December news", goal = "Keep in touch", type = "newsletter", audience = "all", sendWindow = window });
        using var flashSale = await app.PostAsync("/v1/campaigns", new { name = "December news", goal = "Keep in touch", type = "flash-sale-2", audience = "all", sendWindow = window });

        Assert.Equal(HttpStatusCode.Accepted, newsletter.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, flashSale.StatusCode);
        var published = app.Published<CampaignRequested>();
        Assert.Equal(["newsletter", "flash-sale-2"], published.Select(campaign => campaign.CampaignType));
        Assert.Equal(2, published.Select(campaign => campaign.CampaignId).Distinct().Count());
        Assert.NotEqual(
            (await IngestionApp.ReadJsonAsync(newsletter)).GetProperty("campaignId").GetString(),
            (await IngestionApp.ReadJsonAsync(flashSale)).GetProperty("campaignId").GetString());
    }

    [Theory]
    [InlineData("\"Promotional\"")]
    [InlineData("\"\"")]
    [InlineData("\"flash sale\"")]
    [InlineData("\"promotional\\n\"")]
    [InlineData("\"a-very-long-campaign-type-name-over-forty-chars\"")]
    [InlineData("3")]
    [InlineData("[\"newsletter\"]")]
    public async Task Campaign_type_that_is_not_a_lowercase_token_is_refused(string type)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync(
            "/v1/campaigns", $$"""{"name":"n","goal":"g","type":{{type}},"audience":"all","sendWindow":{"start":"2024-03-06T00:00:00Z","end":"2024-03-08T00:00:00Z"} }""");

        Assert.Equal(["type"], (await Problems.ValidationErrorsAsync(response)).Keys);
        Assert.Empty(app.Published<CampaignRequested>());
    }

    [Fact]
    public async Task Campaign_sections_are_carried_in_the_order_given_and_default_to_none_named()
    {
        await using var app = await IngestionApp.StartAsync();
        var window = new { start = WindowStart, end = WindowStart.AddDays(1) };

        using var discoveries = await app.PostAsync("/v1/campaigns", new { name = "New in", goal = "Show new things", audience = "all", sendWindow = window, sections = new[] { "newForYou" } });
        using var both = await app.PostAsync("/v1/campaigns", new { name = "New in", goal = "Show new things", audience = "all", sendWindow = window, sections = new[] { "newForYou", "buyAgain" } });
        using var unnamed = await app.PostAsync("/v1/campaigns", new { name = "New in", goal = "Show new things", audience = "all", sendWindow = window });

        Assert.All([discoveries, both, unnamed], response => Assert.Equal(HttpStatusCode.Accepted, response.StatusCode));
        var published = app.Published<CampaignRequested>();
        Assert.Equal(3, published.Count);
        Assert.Equal(["newForYou"], published[0].Sections);
        Assert.Equal(["newForYou", "buyAgain"], published[1].Sections);
        Assert.Null(published[2].Sections);
        Assert.Equal(3, published.Select(campaign => campaign.CampaignId).Distinct().Count());
    }

    [Theory]
    [InlineData("[]", "sections")]
    [InlineData("\"buyAgain\"", "sections")]
    [InlineData("[\"bestsellers\"]", "sections[0]")]
    [InlineData("[\"BuyAgain\"]", "sections[0]")]
    [InlineData("[\"buyAgain\",\"buyAgain\"]", "sections[1]")]
    [InlineData("[\"newForYou\",3]", "sections[1]")]
    public async Task Campaign_sections_that_are_not_distinct_known_names_are_refused(string sections, string field)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync(
            "/v1/campaigns", $$"""{"name":"n","goal":"g","audience":"all","sections":{{sections}},"sendWindow":{"start":"2024-03-06T00:00:00Z","end":"2024-03-08T00:00:00Z"} }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await Problems.ValidationErrorsAsync(response)).Keys);
        Assert.Empty(app.Published<CampaignRequested>());
    }

    [Fact]
    public async Task Campaign_retried_names_the_same_campaign_and_is_published_once()
    {
        await using var app = await IngestionApp.StartAsync();
        var body = new { name = "Christmas", goal = "Gift sets", audience = "all", sendWindow = new { start = WindowStart, end = WindowStart.AddDays(1) } };

        using var first = await app.PostAsync("/v1/campaigns", body);
        using var retry = await app.PostAsync("/v1/campaigns", body);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(
            (await IngestionApp.ReadJsonAsync(first)).GetProperty("campaignId").GetString(),
            (await IngestionApp.ReadJsonAsync(retry)).GetProperty("campaignId").GetString());
        Assert.Single(app.Published<CampaignRequested>());
    }
}
