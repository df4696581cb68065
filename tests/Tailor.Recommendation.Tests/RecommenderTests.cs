using Tailor.Contracts;
using Tailor.Recommendation.Ranking;
using Tailor.Recommendation.Training;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Tests;

public class RecommenderTests
{
    // Two clusters need few factors; many more than the structure has let ALS fit noise in a matrix this small, and
    // the strong regularisation tuned for thousands of users would shrink twenty users' factors to nothing.
    private static readonly RecommendationOptions Options = new() { Factors = 4, Regularization = 0.1, Alpha = 1, TopN = 3 };

    [Fact]
    public void For_on_two_clusters_recommends_from_the_users_own_cluster()
    {
        var recommender = RecommenderBuilder.Build(TwoClusters(), new Dictionary<string, CatalogEntry>(), Options, "test", TestContext.Current.CancellationToken);

        for (var user = 0; user < 20; user++)
        {
            var ownCluster = user < 10 ? "a" : "b";
            var recommendations = recommender.For($"u{user}");
            Assert.Equal(3, recommendations.Count);
            Assert.All(recommendations, item => Assert.StartsWith(ownCluster, item.ItemId, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Build_with_the_same_seed_gives_the_same_recommendations()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = RecommenderBuilder.Build(TwoClusters(), new Dictionary<string, CatalogEntry>(), Options, "test", ct);
        var second = RecommenderBuilder.Build(TwoClusters(), new Dictionary<string, CatalogEntry>(), Options, "test", ct);

        Assert.Equal(first.For("u3"), second.For("u3"));
        Assert.Equal(first.For("u17"), second.For("u17"));
    }

    [Fact]
    public void For_excludes_purchased_items_and_names_a_bought_item_as_the_reason()
    {
        var excluding = new RecommendationOptions { Factors = 4, Regularization = 0.1, Alpha = 1, TopN = 3, ExcludePurchased = true };
        var recommender = RecommenderBuilder.Build(TwoClusters(), new Dictionary<string, CatalogEntry>(), excluding, "test", TestContext.Current.CancellationToken);
        var interactions = TwoClusters();

        var recommendations = recommender.For("u4");

        Assert.All(recommendations, item =>
        {
            Assert.False(interactions.HasPurchased("u4", item.ItemId));
            var because = Assert.Single(ClusterItems("a"), bought =>
                interactions.HasPurchased("u4", bought) && item.Reason == Reasons.BecauseYouBought($"Item {bought}"));
            Assert.StartsWith("a", because, StringComparison.Ordinal);
            Assert.Equal((ReasonKinds.BecauseYouBought, $"Item {because}", null), (item.ReasonKind, item.ReasonItemTitle, item.TimesBought));
        });
    }

    [Fact]
    public void For_with_bought_items_allowed_puts_them_first_for_a_light_user_and_says_so()
    {
        var options = new RecommendationOptions { Factors = 4, Regularization = 0.1, Alpha = 1, TopN = 3, ExcludePurchased = false };
        var interactions = TwoClusters();
        var recommender = RecommenderBuilder.Build(interactions, new Dictionary<string, CatalogEntry>(), options, "test", TestContext.Current.CancellationToken);

        var recommendations = recommender.For("u4");

        // A light user's next orders are mostly re-orders: the blend weighs buy-again most for them (docs/models.md).
        Assert.All(recommendations, item =>
        {
            Assert.True(interactions.HasPurchased("u4", item.ItemId));
            Assert.Equal(Reasons.BuyAgain, item.Reason);
            Assert.Equal(ReasonKinds.BuyAgain, item.ReasonKind);
            Assert.True(item.TimesBought >= 1, "a re-order says how often it was ordered");
        });
    }

    [Fact]
    public void A_re_order_counts_orders_not_lines_or_views_and_gives_a_rhythm_from_three_orders()
    {
        var options = new RecommendationOptions { Factors = 4, Regularization = 0.1, Alpha = 1, TopN = 20, ExcludePurchased = false };
        var interactions = TwoClusters();
        // u4 orders x1 once on two lines of one order (Online Retail has many such orders), and views it on other days;
        // x2 in two orders, x3 in three orders ten days apart.
        EvidenceWeights.Add(interactions, Fixtures.Purchase("u4", "x1", quantity: 2, day: 30), options);
        EvidenceWeights.Add(interactions, Fixtures.Purchase("u4", "x1", quantity: 5, day: 30), options);
        EvidenceWeights.Add(interactions, Fixtures.View("u4", "x1", day: 31), options);
        EvidenceWeights.Add(interactions, Fixtures.View("u4", "x1", day: 32), options);
        EvidenceWeights.Add(interactions, Fixtures.Purchase("u4", "x2", day: 30), options);
        EvidenceWeights.Add(interactions, Fixtures.Purchase("u4", "x2", day: 40), options);
        foreach (var day in new[] { 20, 30, 40 })
        {
            EvidenceWeights.Add(interactions, Fixtures.Purchase("u4", "x3", day: day), options);
        }

        var recommender = RecommenderBuilder.Build(interactions, new Dictionary<string, CatalogEntry>(), options, "test", TestContext.Current.CancellationToken);
        var shown = recommender.For("u4").Where(item => item.ItemId.StartsWith('x')).ToDictionary(item => item.ItemId);

        Assert.Equal((1, null), (shown["x1"].TimesBought, shown["x1"].ReorderInterval));
        Assert.Equal((2, null), (shown["x2"].TimesBought, shown["x2"].ReorderInterval));
        Assert.Equal((3, TimeSpan.FromDays(10)), (shown["x3"].TimesBought, shown["x3"].ReorderInterval));
    }

    [Fact]
    public void For_weighs_down_an_item_emails_showed_the_user_and_they_ignored()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = RecommenderBuilder.Build(TwoClusters(), new Dictionary<string, CatalogEntry>(), Options, "test", ct).For("u4");
        var shown = TwoClusters();
        for (var email = 0; email < 3; email++)
        {
            shown.AddShown("u4", before[0].ItemId, Fixtures.Start.AddDays(10 + email));
        }

        var after = RecommenderBuilder.Build(shown, new Dictionary<string, CatalogEntry>(), Options, "test", ct).For("u4");

        Assert.Equal(3, shown.IgnoredCount("u4", before[0].ItemId));
        Assert.NotEqual(before[0].ItemId, after[0].ItemId);
        // Ignored three times, it keeps 0.8³ of its score, if it stays in the list at all.
        if (after.FirstOrDefault(item => item.ItemId == before[0].ItemId) is { } stillShown)
        {
            Assert.Equal(before[0].Score * Math.Pow(0.8, 3), stillShown.Score, precision: 4);
        }
    }

    [Fact]
    public void IgnoredCount_counts_only_showings_nothing_followed()
    {
        var interactions = new InteractionSet();
        interactions.AddShown("u1", "p1", Fixtures.Start);
        EvidenceWeights.Add(interactions, Fixtures.Clicked("u1", "p1") with { OccurredAt = Fixtures.Start.AddHours(2) }, Options);
        interactions.AddShown("u1", "p1", Fixtures.Start.AddDays(7));
        interactions.AddShown("u1", "p2", Fixtures.Start.AddDays(7));

        Assert.Equal(1, interactions.IgnoredCount("u1", "p1"));
        Assert.Equal(1, interactions.IgnoredCount("u1", "p2"));
        Assert.Equal(0, interactions.IgnoredCount("u2", "p1"));
        Assert.Equal([("p1", 1), ("p2", 1)], interactions.IgnoredItems("u1").Order());
    }

    [Fact]
    public void For_lifts_an_item_the_user_clicked_in_an_email_by_the_clicked_boost()
    {
        var ct = TestContext.Current.CancellationToken;
        var catalog = new Dictionary<string, CatalogEntry>();
        // ClickWeight 0: the click is no interaction for the models, so the boost alone moves the item.
        var wide = new RecommendationOptions { Factors = 4, Regularization = 0.1, Alpha = 1, TopN = 10, ClickWeight = 0, ClickedBoost = 0 };
        var lowest = RecommenderBuilder.Build(TwoClusters(), catalog, wide, "test", ct).For("u4")[^1].ItemId;
        var clicked = TwoClusters();
        EvidenceWeights.Add(clicked, Fixtures.Clicked("u4", lowest) with { OccurredAt = Fixtures.Start.AddDays(20) }, wide);

        var plain = RecommenderBuilder.Build(clicked, catalog, wide, "test", ct).For("u4");
        var boosted = RecommenderBuilder.Build(clicked, catalog, new RecommendationOptions { Factors = 4, Regularization = 0.1, Alpha = 1, TopN = 10, ClickWeight = 0, ClickedBoost = 1 }, "test", ct).For("u4");

        Assert.Equal([(lowest, 1)], clicked.ClickedItems("u4"));
        Assert.Equal(2 * plain.Single(item => item.ItemId == lowest).Score, boosted.Single(item => item.ItemId == lowest).Score, precision: 4);
        Assert.True(Position(boosted, lowest) < Position(plain, lowest), $"the clicked item moved up: from {Position(plain, lowest)} to {Position(boosted, lowest)}");
    }

    [Fact]
    public void IgnoredCount_counts_only_emails_a_person_opened()
    {
        var (unopened, opened, proxyOpened) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var interactions = new InteractionSet();
        interactions.AddShown("u1", "p1", Fixtures.Start, unopened);
        interactions.AddShown("u1", "p1", Fixtures.Start.AddDays(3), opened);
        interactions.AddShown("u1", "p1", Fixtures.Start.AddDays(6), proxyOpened);
        EvidenceWeights.Add(interactions, Opened("u1", opened, Fixtures.Start.AddDays(3).AddHours(1)), Options);
        EvidenceWeights.Add(interactions, Opened("u1", proxyOpened, Fixtures.Start.AddDays(6).AddMinutes(1)) with { IsMachineOpen = true }, Options);

        Assert.Equal(1, interactions.IgnoredCount("u1", "p1"));
        // Before the open happened, the opened email had not been seen either.
        Assert.Equal(0, interactions.Before(Fixtures.Start.AddDays(3).AddMinutes(30)).IgnoredCount("u1", "p1"));
        Assert.Equal(1, interactions.Before(Fixtures.Start.AddDays(4)).IgnoredCount("u1", "p1"));
    }

    private static int Position(IReadOnlyList<RecommendedItem> items, string itemId) =>
        items.Select((item, index) => (item.ItemId, index)).First(entry => entry.ItemId == itemId).index;

    private static EmailEngaged Opened(string userId, Guid emailId, DateTimeOffset at) =>
        new(Guid.NewGuid(), userId, at, emailId, "spring-sale", EngagementKind.Open, null, null, IsMachineOpen: false);

    [Fact]
    public void For_a_user_without_history_falls_back_to_the_most_popular_items()
    {
        var interactions = new InteractionSet();
        var buyers = new Dictionary<string, int> { ["p1"] = 5, ["p2"] = 3, ["p3"] = 4, ["p4"] = 1 };
        foreach (var (itemId, count) in buyers)
        {
            for (var user = 0; user < count; user++)
            {
                EvidenceWeights.Add(interactions, Fixtures.Purchase($"u{user}", itemId), Options);
            }
        }

        interactions.AddKnownUser("newcomer");
        var recommender = RecommenderBuilder.Build(interactions, new Dictionary<string, CatalogEntry>(), Options, "test", TestContext.Current.CancellationToken);

        var recommendations = recommender.For("newcomer");

        Assert.Equal(["p1", "p3", "p2"], recommendations.Select(item => item.ItemId));
        Assert.Equal([5.0, 4.0, 3.0], recommendations.Select(item => item.Score));
        Assert.All(recommendations, item => Assert.Equal(Reasons.Popular, item.Reason));
    }

    [Fact]
    public void Build_never_recommends_non_products_however_popular()
    {
        var interactions = new InteractionSet();
        for (var user = 0; user < 10; user++)
        {
            EvidenceWeights.Add(interactions, Fixtures.Purchase($"u{user}", "POST", name: "POSTAGE", price: 18m), Options);
            EvidenceWeights.Add(interactions, Fixtures.Purchase($"u{user}", "gift_0001_20", name: "Gift voucher", price: 20m), Options);
            EvidenceWeights.Add(interactions, Fixtures.Purchase($"u{user}", "FREEBIE", name: "Free sample", price: 0m), Options);
            EvidenceWeights.Add(interactions, Fixtures.Purchase($"u{user}", $"p{user % 4}"), Options);
        }

        interactions.AddKnownUser("newcomer");
        var catalog = new Dictionary<string, CatalogEntry> { ["p0"] = new("p0", "Paper chain kit", 2.95m, Fixtures.Start) };
        var recommender = RecommenderBuilder.Build(interactions, catalog, Options, "test", TestContext.Current.CancellationToken);

        Assert.Equal(4, recommender.ItemCount);
        Assert.All(recommender.For("newcomer").Concat(recommender.For("u1")), item => Assert.StartsWith("p", item.ItemId, StringComparison.Ordinal));
        Assert.Contains(recommender.For("newcomer"), item => item is { ItemId: "p0", Title: "Paper chain kit", Price: 2.95m });
    }

    /// <summary>Users u0–u9 buy only items a0–a9, users u10–u19 only b0–b9, six items each.</summary>
    private static InteractionSet TwoClusters()
    {
        var interactions = new InteractionSet();
        for (var user = 0; user < 20; user++)
        {
            var cluster = user < 10 ? "a" : "b";
            for (var pick = 0; pick < 6; pick++)
            {
                var item = $"{cluster}{((user * 3) + pick) % 10}";
                EvidenceWeights.Add(interactions, Fixtures.Purchase($"u{user}", item, quantity: 1 + pick), Options);
            }
        }

        return interactions;
    }

    private static IEnumerable<string> ClusterItems(string cluster) => Enumerable.Range(0, 10).Select(i => $"{cluster}{i}");
}
