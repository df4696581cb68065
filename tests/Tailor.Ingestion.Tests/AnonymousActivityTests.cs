using System.Net;
using Tailor.Contracts;
using Tailor.Ingestion.Identities;
using Tailor.Messaging.Rules;
using Tailor.Storage;

namespace Tailor.Ingestion.Tests;

/// <summary>Anonymous activity waits until identify or alias names its user, then becomes theirs, once, at its own time.</summary>
public sealed class AnonymousActivityTests
{
    private const string Viewed = """{"anonymousId":"device-7","event":"Product Viewed","timestamp":"2024-03-04T18:00:00Z","messageId":"view-1","properties":{"product_id":"85123A","name":"WHITE HANGING HEART T-LIGHT HOLDER"}}""";

    [Fact]
    public async Task Anonymous_track_is_held_then_published_as_the_user_once_identify_links_the_ids()
    {
        await using var app = await IngestionApp.StartAsync();

        using var held = await app.PostRawAsync("/v1/track", Viewed);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Empty(app.Published<UserActivityTracked>());

        using var identified = await app.PostRawAsync("/v1/identify", """{"userId":"12583","anonymousId":"device-7","traits":{"email":"ada@example.com"}}""");
        using var retried = await app.PostRawAsync("/v1/identify", """{"userId":"12583","anonymousId":"device-7","traits":{"email":"ada@example.com"}}""");

        var view = Assert.Single(app.Published<UserActivityTracked>());
        Assert.Equal(("12583", ActivityKinds.View, "85123A"), (view.UserId, view.Activity, view.ItemId));
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 18, 0, 0, TimeSpan.Zero), view.OccurredAt);
    }

    [Fact]
    public async Task Alias_links_the_ids_and_later_anonymous_calls_go_straight_to_the_user()
    {
        await using var app = await IngestionApp.StartAsync();
        using var held = await app.PostRawAsync("/v1/page", """{"anonymousId":"device-7","name":"Gift ideas","properties":{"url":"https://shop.example.com/gifts"}}""");

        using var alias = await app.PostRawAsync("/v1/alias", """{"previousId":"device-7","userId":"12583"}""");
        using var later = await app.PostRawAsync("/v1/track", Viewed);
        using var laterAgain = await app.PostRawAsync("/v1/track", Viewed);

        Assert.Equal(HttpStatusCode.OK, alias.StatusCode);
        var activities = app.Published<UserActivityTracked>();
        Assert.Equal(["page", ActivityKinds.View], activities.Select(activity => activity.Activity));
        Assert.All(activities, activity => Assert.Equal("12583", activity.UserId));
    }

    [Fact]
    public async Task A_held_call_retried_after_the_link_is_still_one_event()
    {
        await using var app = await IngestionApp.StartAsync();

        using var held = await app.PostRawAsync("/v1/track", Viewed);
        using var alias = await app.PostRawAsync("/v1/alias", """{"previousId":"device-7","userId":"12583"}""");
        using var retried = await app.PostRawAsync("/v1/track", Viewed);

        Assert.Single(app.Published<UserActivityTracked>());
    }

    [Fact]
    public async Task Activity_held_with_more_properties_than_the_bus_now_accepts_is_published_without_the_excess()
    {
        await using var app = await IngestionApp.StartAsync();
        var most = new PropertyCountOptions().MaxActivityProperties;

        // A purchase held before the rules counted an order's fields and its product's together: 400 properties, as
        // an older Ingestion stored it.
        var properties = Enumerable.Range(0, 400).ToDictionary(index => $"field_{index:D3}", index => $"value {index}");
        var purchase = new UserActivityTracked(
            Guid.NewGuid(), "device-7", new DateTimeOffset(2024, 3, 4, 18, 0, 0, TimeSpan.Zero), ActivityKinds.Purchase,
            "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, 2.55m, null, properties);
        await app.Events.RecordAsync(AnonymousIdentities.HeldStream, purchase.EventId, "device-7", purchase.OccurredAt, purchase, TestContext.Current.CancellationToken);

        using var identified = await app.PostRawAsync("/v1/identify", """{"userId":"12583","anonymousId":"device-7","traits":{}}""");
        using var retried = await app.PostRawAsync("/v1/identify", """{"userId":"12583","anonymousId":"device-7","traits":{}}""");

        Assert.Equal(HttpStatusCode.OK, identified.StatusCode);
        var published = Assert.Single(app.Published<UserActivityTracked>());
        Assert.Equal(("12583", "85123A", 6), (published.UserId, published.ItemId, published.Quantity));
        Assert.Equal(properties.Take(most), published.Properties);
        Assert.Null(MessageRules.Problem(published, EventTimeRange.From(new EventTimeOptions(), IngestionApp.Now), new PropertyCountOptions().MaxPropertiesPerCall));
        // Each identify that publishes the held activity (the retry too, which the log finds already accepted) says so.
        var warnings = app.Logs.GetSnapshot().Where(record => record.Id.Id == 1801).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, warning => Assert.Contains($"carried {400 - most} properties past the {most}", warning.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Timestamps_are_corrected_by_sent_at_per_call_and_per_batch()
    {
        await using var app = await IngestionApp.StartAsync();

        // The device clock is 2 hours fast: it says it sent at 12:00 while the server (IngestionApp.Now) says 10:00.
        using var response = await app.PostRawAsync("/v1/batch", """
            {"sentAt": "2024-03-05T12:00:00Z", "batch": [
              {"type": "track", "userId": "12583", "event": "Cart Viewed", "timestamp": "2024-03-05T11:30:00Z", "messageId": "batch-level"},
              {"type": "track", "userId": "12583", "event": "Cart Viewed", "timestamp": "2024-03-05T11:30:00Z", "sentAt": "2024-03-05T11:45:00Z", "messageId": "own"}
            ]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 5, 9, 45, 0, TimeSpan.Zero)],
            app.Published<UserActivityTracked>().Select(activity => activity.OccurredAt));
    }
}
