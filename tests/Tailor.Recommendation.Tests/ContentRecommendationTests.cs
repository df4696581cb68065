using Microsoft.Extensions.DependencyInjection;
using MassTransit;
using Tailor.Contracts;
using Tailor.Recommendation.Content;
using Tailor.Recommendation.Ranking;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Recommendation.Tests;

/// <summary>Cold start by content similarity, on real item vectors: new users and items no one has bought.</summary>
public sealed class ContentRecommendationTests(RealItemVectors model)
{
    private static readonly (string Id, string Title, decimal Price)[] Catalog =
    [
        ("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 2.55m),
        ("71053", "WHITE METAL LANTERN", 3.39m),
        ("22423", "REGENCY CAKESTAND 3 TIER", 12.75m),
        ("21212", "PACK OF 72 RETROSPOT CAKE CASES", 0.55m),
        ("22960", "JAM MAKING SET WITH JARS", 4.25m),
        ("84879", "ASSORTED COLOUR BIRD ORNAMENT", 1.69m),
        ("22086", "PAPER CHAIN KIT 50'S CHRISTMAS", 2.95m),
        ("23084", "RABBIT NIGHT LIGHT", 2.08m),
        ("POST", "POSTAGE FOR TEA LIGHT HOLDERS", 18m),
    ];

    [Fact]
    public async Task Consume_interests_of_a_user_without_history_gives_the_products_closest_to_them()
    {
        await using var harness = await StartWithCatalogAsync();
        var interests = Interests("newcomer", "tea light candle holder shaped like a heart");

        await harness.DeliverAsync([interests], m => m.EventId);

        var update = Assert.Single(harness.Published<RecommendationsUpdated>());
        Assert.Equal(ContentRecommendations.ModelVersionFor(model.Model.Name, model.Model.Version), update.ModelVersion);
        // No one has bought any of these items: they are found by what their text means.
        Assert.Equal("85123A", update.Items[0].ItemId);
        Assert.True(update.Items[0].Score > update.Items[^1].Score);
        Assert.DoesNotContain(update.Items, item => item.ItemId == "POST");
        Assert.All(update.Items, item => Assert.Equal(Reasons.CloseToYourInterests, item.Reason));
        Assert.Equal(6, update.Items.Count);
        var profile = await harness.Profiles.ReadAsync("newcomer", TestContext.Current.CancellationToken);
        Assert.Equal(update.Items, profile?.Recommendations?.Items);
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_interests_of_a_user_who_bought_the_nearest_item_leaves_it_out_of_what_is_new_to_them()
    {
        await using var harness = await StartWithCatalogAsync();
        // The walkthrough's Ada: she bought the heart T-light holder, so her interests sit on it.
        await harness.DeliverAsync([Fixtures.Purchase("ada", "85123A", name: "WHITE HANGING HEART T-LIGHT HOLDER")], m => m.EventId);

        await harness.DeliverAsync([Interests("ada", "white hanging heart t-light holder"), Interests("newcomer", "white hanging heart t-light holder")], m => m.EventId);

        var updates = harness.Published<RecommendationsUpdated>();
        var ada = updates.Single(update => update.UserId == "ada").Items;
        var newcomer = updates.Single(update => update.UserId == "newcomer").Items;
        Assert.Equal("85123A", newcomer[0].ItemId);
        Assert.DoesNotContain(ada, item => item.ItemId == "85123A");
        Assert.Equal(newcomer.Skip(1).Take(5).Select(item => item.ItemId), ada.Take(5).Select(item => item.ItemId));
        Assert.All(ada, item => Assert.Equal(Reasons.CloseToYourInterests, item.Reason));
    }

    [Fact]
    public async Task Consume_purchase_taken_after_the_interests_it_made_takes_the_item_off_what_is_new_to_them()
    {
        await using var harness = await StartWithCatalogAsync();
        var ct = TestContext.Current.CancellationToken;
        // Embedding's update of Ada's interests, made of her purchase, is taken before Recommendation records the
        // purchase itself (they come on separate queues): her list still holds the holder she bought.
        await harness.DeliverAsync([Interests("ada", "white hanging heart t-light holder")], m => m.EventId);
        var before = Assert.Single(harness.Published<RecommendationsUpdated>()).Items;
        Assert.Equal("85123A", before[0].ItemId);

        await harness.DeliverAsync([Fixtures.Purchase("ada", "85123A", name: "WHITE HANGING HEART T-LIGHT HOLDER")], m => m.EventId);

        var after = harness.Published<RecommendationsUpdated>()[^1].Items;
        Assert.Equal(before.Skip(1).Select(item => item.ItemId), after.Select(item => item.ItemId));
        Assert.Equal(after, (await harness.Profiles.ReadAsync("ada", ct))?.Recommendations?.Items);
        var stored = await harness.Services.GetRequiredService<IDocumentStore>()
            .FindAsync<StoredRecommendations>(RecommendationStore.UserRecommendationsCollection, "ada", ct);
        Assert.Equal((RecommendationSource.Content, 5), (stored!.Source, stored.Items.Count));
    }

    [Fact]
    public async Task Consume_purchase_of_something_not_on_the_list_leaves_the_list_as_it_is()
    {
        await using var harness = await StartWithCatalogAsync();
        await harness.DeliverAsync([Interests("ada", "white hanging heart t-light holder")], m => m.EventId);

        await harness.DeliverAsync([Fixtures.Purchase("ada", "NOT-LISTED", name: "SOMETHING ELSE")], m => m.EventId);

        Assert.Single(harness.Published<RecommendationsUpdated>());
    }

    [Fact]
    public async Task Consume_a_batch_of_interests_writes_each_users_newest_and_faults_only_the_incomplete_update()
    {
        await using var harness = await StartWithCatalogAsync();
        var hearts = Interests("ada", "tea light candle holder shaped like a heart");
        var cakes = Interests("ada", "a tiered stand for cakes") with { OccurredAt = Fixtures.Start.AddMinutes(1) };
        var lanterns = Interests("bo", "a metal lantern for the garden");
        var incomplete = Interests("cy", "jam jars") with { Vector = [] };
        var ct = TestContext.Current.CancellationToken;

        await harness.Harness.Bus.PublishBatch([hearts, cakes, incomplete, lanterns], ct);

        // Not WasPublishedAsync: on a loaded machine the batch's catalog lookups and writes can outlast the bus's quiet
        // period before the fault, which that wait would take as the end.
        Assert.True(await harness.PublishedWithinAsync<Fault<UserInterestsUpdated>>(m => m.Message.EventId == incomplete.EventId, TimeSpan.FromSeconds(30)));
        var updates = harness.Published<RecommendationsUpdated>();
        Assert.Equal("22423", updates.Last(update => update.UserId == "ada").Items[0].ItemId);
        Assert.Equal("71053", updates.Single(update => update.UserId == "bo").Items[0].ItemId);
        Assert.DoesNotContain(updates, update => update.UserId == "cy");
        Assert.Equal("22423", (await harness.Profiles.ReadAsync("ada", ct))?.Recommendations?.Items[0].ItemId);
        Assert.NotNull(await harness.Documents.GetAsync(RecommendationStore.UserRecommendationsCollection, "bo", ct));
        Assert.Null(await harness.Documents.GetAsync(RecommendationStore.UserRecommendationsCollection, "cy", ct));
    }

    [Fact]
    public async Task Consume_interests_of_another_model_finds_nothing_to_compare_them_with()
    {
        await using var harness = await StartWithCatalogAsync();
        var interests = Interests("newcomer", "cake stands") with { ModelVersion = "1.0.0" };

        await harness.DeliverAsync([interests], m => m.EventId);

        Assert.Empty(harness.Published<RecommendationsUpdated>());
        Assert.Null(await harness.Documents.GetAsync(RecommendationStore.UserRecommendationsCollection, "newcomer", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Training_keeps_content_recommendations_of_users_it_was_not_trained_on_and_replaces_them_for_buyers()
    {
        await using var harness = await StartWithCatalogAsync();
        await harness.DeliverAsync(
            [Fixtures.Identified("reader"), Fixtures.Identified("buyer"), Fixtures.Identified("other")], m => m.EventId);
        await harness.DeliverAsync(
            [Fixtures.Purchase("buyer", "22423", name: "REGENCY CAKESTAND 3 TIER"), Fixtures.Purchase("buyer", "21212"), Fixtures.Purchase("other", "21212"), Fixtures.Purchase("other", "22960")],
            m => m.EventId);
        await harness.DeliverAsync([Interests("reader", "jam and jars"), Interests("buyer", "jam and jars")], m => m.EventId);

        await harness.DeliverAsync([new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test")], m => m.EventId);

        var reader = await harness.Profiles.ReadAsync("reader", TestContext.Current.CancellationToken);
        Assert.Equal("22960", reader?.Recommendations?.Items[0].ItemId);
        Assert.All(reader!.Recommendations!.Items, item => Assert.Equal(Reasons.CloseToYourInterests, item.Reason));
        var buyer = await harness.Profiles.ReadAsync("buyer", TestContext.Current.CancellationToken);
        Assert.StartsWith("als-", buyer?.Recommendations?.ModelVersion, StringComparison.Ordinal);

        // Once ALS knows a user, a later interest update leaves its recommendations alone.
        var alsItems = buyer!.Recommendations!.Items;
        await harness.DeliverAsync([Interests("buyer", "christmas paper chains")], m => m.EventId);
        Assert.Equal(alsItems, (await harness.Profiles.ReadAsync("buyer", TestContext.Current.CancellationToken))?.Recommendations?.Items);
    }

    [Fact]
    public async Task Consume_item_vector_arriving_late_does_not_replace_a_newer_one()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        var newer = Embedded("23084", "RABBIT NIGHT LIGHT") with { OccurredAt = Fixtures.Start.AddDays(1) };
        var older = Embedded("23084", "WHITE METAL LANTERN");

        await harness.DeliverAsync([newer], m => m.EventId);
        await harness.DeliverAsync([older], m => m.EventId);

        var stored = await harness.Documents.FindAsync<ItemVectorEntry>(RecommendationStore.ItemVectorsCollection, "23084", TestContext.Current.CancellationToken);
        Assert.Equal(newer.Vector, stored?.Vector);
    }

    [Fact]
    public async Task Consume_item_vector_without_a_vector_faults_and_keeps_nothing()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        var broken = Embedded("23084", "RABBIT NIGHT LIGHT") with { Vector = [] };

        await harness.PublishAsync(broken);

        Assert.True(await harness.WasPublishedAsync<Fault<ItemEmbedded>>(m => m.Message.EventId == broken.EventId));
        Assert.Null(await harness.Documents.GetAsync(RecommendationStore.ItemVectorsCollection, "23084", TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// Item vectors are unit length, so a score is a cosine: one published longer (here 50 times a real one) would
    /// outscore every real item in every cold-start user's search, whatever they are interested in.
    /// </summary>
    [Fact]
    public async Task An_item_vector_longer_than_a_unit_vector_is_refused_so_it_tops_no_ones_list()
    {
        await using var harness = await StartWithCatalogAsync();
        await harness.DeliverAsync([Fixtures.CatalogItem("SPAM1", "Cheap watches", 1m)], m => m.EventId);
        var real = Embedded("SPAM1", "tea light candle holder");
        var inflated = real with { Vector = [.. real.Vector.Select(value => value * 50)] };

        await harness.PublishAsync(inflated);

        Assert.True(await harness.PublishedWithinAsync<Fault<ItemEmbedded>>(m => m.Message.EventId == inflated.EventId, TimeSpan.FromSeconds(30)));
        Assert.Contains("Vector: Has length 50", Assert.Single(harness.Published<Fault<ItemEmbedded>>()).Exceptions.Single().Message, StringComparison.Ordinal);
        await harness.DeliverAsync([Interests("newcomer", "tea light candle holder shaped like a heart")], m => m.EventId);
        var update = Assert.Single(harness.Published<RecommendationsUpdated>());
        Assert.Equal("85123A", update.Items[0].ItemId);
        Assert.DoesNotContain(update.Items, item => item.ItemId == "SPAM1");
    }

    /// <summary>
    /// A vector's values travel as base64 of their float32 bits, so NaN and infinity need no JSON literal: such interests
    /// would score NaN against every item. The rest of the batch is written.
    /// </summary>
    [Fact]
    public async Task Interests_holding_NaN_are_refused_naming_the_value_and_the_rest_of_the_batch_is_written()
    {
        await using var harness = await StartWithCatalogAsync();
        var hearts = Interests("ada", "tea light candle holder shaped like a heart");
        var jars = Interests("cy", "jam jars");
        var broken = jars with { Vector = [.. jars.Vector.Select((value, index) => index == 7 ? float.NaN : value)] };
        var ct = TestContext.Current.CancellationToken;

        await harness.Harness.Bus.PublishBatch([hearts, broken], ct);

        Assert.True(await harness.PublishedWithinAsync<Fault<UserInterestsUpdated>>(m => m.Message.UserId == "cy", TimeSpan.FromSeconds(30)));
        var fault = Assert.Single(harness.Published<Fault<UserInterestsUpdated>>());
        Assert.Contains($"{broken.EventId}: Vector: Holds NaN at [7]; every value must be a finite number.", fault.Exceptions.Single().Message, StringComparison.Ordinal);
        Assert.True(await Polling.WithinAsync(() => harness.Published<RecommendationsUpdated>().Any(update => update.UserId == "ada")));
        Assert.Equal("85123A", (await harness.Profiles.ReadAsync("ada", ct))?.Recommendations?.Items[0].ItemId);
        Assert.Null(await harness.Documents.GetAsync(RecommendationStore.UserRecommendationsCollection, "cy", ct));
    }

    /// <summary>
    /// A vector of another length under the same model and version (a publisher's mistake) is kept apart, not compared:
    /// arriving first, it must not decide which length the model's vectors have and leave every real one out.
    /// </summary>
    [Fact]
    public async Task An_item_vector_of_another_length_arriving_first_hides_none_of_the_catalog()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        await harness.DeliverAsync(Catalog.Select(item => Fixtures.CatalogItem(item.Id, item.Title, item.Price)).Append(Fixtures.CatalogItem("00001", "Odd one")), m => m.EventId);
        // First in the store's order as well as in time.
        await harness.DeliverAsync([new ItemEmbedded(Guid.NewGuid(), "00001", Fixtures.Start, model.Model.Name, model.Model.Version, [0.6f, 0.8f])], m => m.EventId);
        await harness.DeliverAsync(Catalog.Select(item => Embedded(item.Id, item.Title)), m => m.EventId);

        await harness.DeliverAsync([Interests("newcomer", "a tiered stand for cakes")], m => m.EventId);

        var update = Assert.Single(harness.Published<RecommendationsUpdated>());
        Assert.Equal("22423", update.Items[0].ItemId);
    }

    /// <summary>Training reads the stored vectors too, and compares every one with every other: the odd one must not fail it.</summary>
    [Fact]
    public async Task Training_leaves_out_an_item_vector_of_another_length_and_still_trains()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        await harness.DeliverAsync(Catalog.Select(item => Fixtures.CatalogItem(item.Id, item.Title, item.Price)).Append(Fixtures.CatalogItem("00001", "Odd one")), m => m.EventId);
        await harness.DeliverAsync([new ItemEmbedded(Guid.NewGuid(), "00001", Fixtures.Start, model.Model.Name, model.Model.Version, [0.6f, 0.8f])], m => m.EventId);
        await harness.DeliverAsync(Catalog.Select(item => Embedded(item.Id, item.Title)), m => m.EventId);
        await harness.DeliverAsync([Fixtures.Identified("reader"), Fixtures.Identified("buyer"), Fixtures.Identified("other")], m => m.EventId);
        await harness.DeliverAsync(
            [Fixtures.Purchase("buyer", "22423", name: "REGENCY CAKESTAND 3 TIER"), Fixtures.Purchase("buyer", "00001"), Fixtures.Purchase("buyer", "21212"),
                Fixtures.Purchase("other", "21212"), Fixtures.Purchase("other", "00001"), Fixtures.Purchase("other", "22960")],
            m => m.EventId);
        await harness.DeliverAsync([Interests("reader", "jam and jars")], m => m.EventId);

        await harness.DeliverAsync([new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test")], m => m.EventId);

        var trained = Assert.Single(harness.Published<RecommenderTrained>());
        Assert.True(trained.Promoted);
        var buyer = await harness.Profiles.ReadAsync("buyer", TestContext.Current.CancellationToken);
        Assert.StartsWith("als-", buyer?.Recommendations?.ModelVersion, StringComparison.Ordinal);
        Assert.False(await harness.FaultPublishedAsync<ModelTrainingRequested>());
    }

    private async Task<ConsumerHarness> StartWithCatalogAsync()
    {
        var harness = await RecommendationHarness.StartAsync();
        await harness.DeliverAsync(Catalog.Select(item => Fixtures.CatalogItem(item.Id, item.Title, item.Price)), m => m.EventId);
        await harness.DeliverAsync(Catalog.Select(item => Embedded(item.Id, item.Title)), m => m.EventId);
        return harness;
    }

    private ItemEmbedded Embedded(string itemId, string title) =>
        new(Guid.NewGuid(), itemId, Fixtures.Start, model.Model.Name, model.Model.Version, model.Embed(title));

    private UserInterestsUpdated Interests(string userId, string text) =>
        new(Guid.NewGuid(), userId, Fixtures.Start, model.Model.Name, model.Model.Version, model.Embed(text), EvidenceCount: 3);
}
