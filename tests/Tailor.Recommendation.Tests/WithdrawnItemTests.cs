using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Testing;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Tests;

/// <summary>An item the shop withdraws (<see cref="CatalogItemUpserted.Available"/> false) is in no list Recommendation writes from then on.</summary>
public sealed class WithdrawnItemTests
{
    [Fact]
    public async Task A_withdrawn_item_is_left_out_of_every_recomputed_list_and_the_bestsellers_and_relisting_brings_it_back()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        await RecommendationConsumerTests.FeedAsync(harness);
        await harness.DeliverAsync([Fixtures.CatalogItem("p0", "Product 0") with { OccurredAt = Fixtures.Start.AddDays(1), Available = false }], m => m.EventId);

        var withdrawn = await TrainAsync(harness);

        var lists = ListsOf(harness, withdrawn);
        Assert.Equal(7, lists.Count);
        Assert.All(lists, list => Assert.DoesNotContain("p0", list.Items.Select(item => item.ItemId)));
        Assert.DoesNotContain("p0", withdrawn.Bestsellers!.Select(item => item.ItemId));
        var profile = await harness.Profiles.ReadAsync("u0", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("p0", profile!.Recommendations!.Items.Select(item => item.ItemId));

        await harness.DeliverAsync([Fixtures.CatalogItem("p0", "Product 0", price: 3.1m) with { OccurredAt = Fixtures.Start.AddDays(2) }], m => m.EventId);
        var relisted = await TrainAsync(harness);

        // Every product was bought by someone: the lurker's popularity list, six long, names them all again.
        var lurker = ListsOf(harness, relisted).Single(list => list.UserId == "lurker");
        Assert.Equal(["p0", "p1", "p2", "p3", "p4", "p5"], lurker.Items.Select(item => item.ItemId).Order(StringComparer.Ordinal));
        Assert.Equal(3.1m, lurker.Items.Single(item => item.ItemId == "p0").Price);
        Assert.Contains("p0", relisted.Bestsellers!.Select(item => item.ItemId));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task A_list_computed_before_the_item_was_withdrawn_is_written_without_it()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        await RecommendationConsumerTests.FeedAsync(harness);
        var trained = await TrainAsync(harness);
        Assert.Contains("p0", trained.Bestsellers!.Select(item => item.ItemId));

        // The serving model's popularity list still names p0; a user identified now is given it without p0.
        await harness.DeliverAsync([Fixtures.CatalogItem("p0", "Product 0") with { OccurredAt = Fixtures.Start.AddDays(1), Available = false }], m => m.EventId);
        await harness.DeliverAsync([Fixtures.Identified("newcomer")], m => m.EventId);

        Assert.True(await harness.PublishedWithinAsync<RecommendationsUpdated>(m => m.UserId == "newcomer", TimeSpan.FromSeconds(30)));
        var newcomer = harness.Published<RecommendationsUpdated>().Single(m => m.UserId == "newcomer");
        Assert.Equal(trained.Bestsellers!.Where(item => item.ItemId != "p0").Select(item => item.ItemId), newcomer.Items.Select(item => item.ItemId));
        var profile = await harness.Profiles.ReadAsync("newcomer", TestContext.Current.CancellationToken);
        Assert.Equal(newcomer.Items, profile?.Recommendations?.Items);
    }

    [Fact]
    public async Task An_upsert_from_a_publisher_that_knows_no_availability_and_an_entry_stored_before_it_existed_read_as_available()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        // The message as a publisher built on Tailor.Contracts 0.4.0 writes it: no "available".
        const string oldShape = """
            {"eventId":"6f1c2a8e-2f55-4c7e-9d55-0b8f4f7a9e01","itemId":"85123A","occurredAt":"2011-03-01T09:00:00+00:00",
             "title":"WHITE HANGING HEART T-LIGHT HOLDER","description":null,"price":2.55,"category":"home","url":null}
            """;
        var upserted = JsonSerializer.Deserialize<CatalogItemUpserted>(oldShape, SystemTextJsonMessageSerializer.Options)!;
        Assert.True(upserted.Available);

        await harness.DeliverAsync([upserted], m => m.EventId);

        var stored = await harness.Documents.GetAsync(RecommendationStore.CatalogCollection, "85123A", ct);
        Assert.True(JsonSerializer.Deserialize<CatalogEntry>(stored!, StoreJson.Options)!.Available);
        // A catalog copy written before the field existed.
        var before = JsonSerializer.Deserialize<CatalogEntry>("""{"itemId":"22423","title":"REGENCY CAKESTAND 3 TIER","price":12.75,"updatedAt":"2011-03-01T09:00:00+00:00"}""", StoreJson.Options);
        Assert.True(before!.Available);
    }

    private static async Task<RecommenderTrained> TrainAsync(ConsumerHarness harness)
    {
        var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test");
        await harness.DeliverAsync([request], m => m.EventId);
        // A second phase of the test: the harness has been quiet before, so wait by polling, not for the next quiet spell.
        Assert.True(await harness.PublishedWithinAsync<RecommenderTrained>(m => m.RequestId == request.EventId, TimeSpan.FromSeconds(60)));
        return harness.Published<RecommenderTrained>().Single(m => m.RequestId == request.EventId);
    }

    private static List<RecommendationsUpdated> ListsOf(ConsumerHarness harness, RecommenderTrained trained) =>
        [.. harness.Published<RecommendationsUpdated>().Where(update => update.ModelVersion == trained.ModelVersion)];
}
