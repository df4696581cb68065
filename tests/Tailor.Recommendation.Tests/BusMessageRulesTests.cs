using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Testing;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Tests;

/// <summary>
/// What a platform's publisher could put straight onto the bus that no training may see: each is refused with a Fault
/// naming why before anything is recorded (an activity dated 9999 would end every training window there), and the good
/// message beside it is recorded. A quantity of 1e400 (infinity, which would turn every factor of the next model into
/// NaN) can only come from a publisher writing its own JSON: TailorBusMessageRulesTests sends one over RabbitMQ.
/// </summary>
public sealed class BusMessageRulesTests
{
    public static TheoryData<string, string> Refused => new()
    {
        { "a negative price", "Price: Is -2.5" },
        { "a user id '..'", "UserId: Must not be '.' or '..'" },
        { "a time in year 9999", "OccurredAt: 9999-12-31" },
        { "a time in year 1", "OccurredAt: 0001-01-01" },
        { "no properties", "Properties: Must be present" },
        { "no event id", "EventId: Must not be empty" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_broken_activity_is_refused_before_it_is_recorded_and_the_one_beside_it_is_recorded(string because, string problem)
    {
        await using var harness = await RecommendationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var good = Fixtures.Purchase("u1", "p1");
        var bad = Broken(because, Fixtures.Purchase("u2", "p2"));

        await harness.Harness.Bus.PublishBatch([good, bad], ct);

        Assert.True(await harness.PublishedWithinAsync<Fault<UserActivityTracked>>(fault => fault.Message.UserId == bad.UserId, TimeSpan.FromSeconds(30)));
        var fault = Assert.Single(harness.Published<Fault<UserActivityTracked>>());
        Assert.Contains(problem, Assert.Single(fault.Exceptions).Message, StringComparison.Ordinal);
        Assert.True(await Polling.WithinAsync(() => harness.Events.ContainsAsync(RecommendationStore.Stream, good.EventId, ct)));
        Assert.Equal(1, await harness.Events.CountAsync(RecommendationStore.Stream, ct));
    }

    [Fact]
    public async Task A_catalog_change_dated_9999_is_refused_so_later_changes_of_the_item_still_apply()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var future = Fixtures.CatalogItem("p1", "Lunch bag from the future") with { OccurredAt = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero) };
        var current = Fixtures.CatalogItem("p1", "Lunch bag red retrospot");

        await harness.PublishAsync(future);
        Assert.True(await harness.PublishedWithinAsync<Fault<CatalogItemUpserted>>(fault => fault.Message.EventId == future.EventId, TimeSpan.FromSeconds(30)));
        await harness.DeliverAsync([current], m => m.EventId);

        var stored = await harness.Documents.FindAsync<CatalogEntry>(RecommendationStore.CatalogCollection, "p1", ct);
        Assert.Equal("Lunch bag red retrospot", stored?.Title);
        Assert.False(await harness.Events.ContainsAsync(RecommendationStore.Stream, future.EventId, ct));
    }

    private static UserActivityTracked Broken(string because, UserActivityTracked activity) => because switch
    {
        "a negative price" => activity with { Price = -2.5m },
        "a user id '..'" => activity with { UserId = ".." },
        "a time in year 9999" => activity with { OccurredAt = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero) },
        "a time in year 1" => activity with { OccurredAt = DateTimeOffset.MinValue },
        "no properties" => activity with { Properties = null! },
        "no event id" => activity with { EventId = Guid.Empty },
        _ => throw new ArgumentOutOfRangeException(nameof(because), because, null),
    };
}
