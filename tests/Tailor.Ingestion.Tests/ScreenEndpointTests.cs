using System.Net;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests;

/// <summary>Segment <c>screen</c>: a mobile app's page view, accepted exactly as a <c>page</c> call.</summary>
public sealed class ScreenEndpointTests
{
    [Fact]
    public async Task Screen_is_published_and_stored_as_a_page_view_named_after_the_screen()
    {
        await using var app = await IngestionApp.StartAsync();

        // Segment's example of a complete screen call.
        using var response = await app.PostRawAsync("/v1/screen", """
            {"anonymousId":"3a12eab0-bca7-11e4-8dfc-aa07a5b093db","channel":"mobile","context":{"ip":"8.8.8.8"},
             "integrations":{"All":true,"Mixpanel":false,"Salesforce":false},"messageId":"022bb90c-bbac-11e4-8dfc-aa07a5b093db",
             "name":"Home","properties":{"variation":"blue signup button"},"receivedAt":"2015-02-23T22:28:55.387Z",
             "sentAt":"2015-02-23T22:28:55.111Z","timestamp":"2015-02-23T22:28:55.111Z","type":"screen","userId":"97980cfea0067","version":"1.1"}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var viewed = Assert.Single(app.Published<UserActivityTracked>());
        Assert.Equal(("97980cfea0067", "page"), (viewed.UserId, viewed.Activity));
        Assert.Equal(new Dictionary<string, string> { ["variation"] = "blue signup button", ["name"] = "Home" }, viewed.Properties);
        Assert.Equal(IngestionApp.Now, viewed.OccurredAt); // sent the moment it happened, by a clock years off
        Assert.Equal(viewed.EventId, Assert.Single(await app.RecordedAsync<UserActivityTracked>()).EventId);
    }

    [Fact]
    public async Task Screen_retried_with_the_same_message_id_has_one_effect_and_is_not_a_page_with_that_id()
    {
        await using var app = await IngestionApp.StartAsync();
        const string screen = """{"userId":"12583","name":"Basket","messageId":"m-7"}""";

        (await app.PostRawAsync("/v1/screen", screen)).EnsureSuccessStatusCode();
        (await app.PostRawAsync("/v1/screen", screen)).EnsureSuccessStatusCode();
        (await app.PostRawAsync("/v1/page", screen)).EnsureSuccessStatusCode();

        Assert.Equal(2, app.Published<UserActivityTracked>().Count);
        Assert.Equal(2, (await app.RecordedAsync<UserActivityTracked>()).Count);
    }

    [Fact]
    public async Task Anonymous_screen_waits_for_its_user_like_a_page()
    {
        await using var app = await IngestionApp.StartAsync();

        (await app.PostRawAsync("/v1/screen", """{"anonymousId":"device-9","name":"Home"}""")).EnsureSuccessStatusCode();
        Assert.Empty(app.Published<UserActivityTracked>());
        (await app.PostRawAsync("/v1/alias", """{"previousId":"device-9","userId":"15100"}""")).EnsureSuccessStatusCode();

        var viewed = Assert.Single(app.Published<UserActivityTracked>());
        Assert.Equal(("15100", "page", "Home"), (viewed.UserId, viewed.Activity, viewed.Properties["name"]));
    }
}
