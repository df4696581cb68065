using MassTransit;
using MassTransit.Testing;
using Tailor.Contracts;
using Tailor.Recommendation.Ranking;
using Tailor.Recommendation.Training;
using Tailor.Storage;
using Tailor.Testing;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Tests;

public class RecommendationConsumerTests
{
    [Fact]
    public async Task Consume_training_request_publishes_recommender_trained_with_request_id_and_everyones_recommendations()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        await FeedAsync(harness);
        var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test");

        await harness.PublishAsync(request);

        Assert.True(await harness.WasPublishedAsync<RecommenderTrained>(m => m.RequestId == request.EventId));
        var trained = Assert.Single(harness.Published<RecommenderTrained>());
        Assert.Equal(7, trained.Users); // six buyers and one identified user without history
        Assert.Equal(6, trained.Items);

        var updates = harness.Published<RecommendationsUpdated>();
        Assert.Equal(["lurker", "u0", "u1", "u2", "u3", "u4", "u5"], updates.Select(u => u.UserId).Order(StringComparer.Ordinal));
        Assert.All(updates, update => Assert.Equal(trained.ModelVersion, update.ModelVersion));
        Assert.All(updates.Single(u => u.UserId == "lurker").Items, item => Assert.Equal(Reasons.Popular, item.Reason));
        // The bestsellers campaigns' control groups are shown: the popularity list a user without history gets.
        Assert.Equal(updates.Single(u => u.UserId == "lurker").Items, trained.Bestsellers);
        // Six days of data are too short to validate on: bought items stay in (ExcludePurchased unset), as re-orders.
        Assert.All(updates.Single(u => u.UserId == "u0").Items, item => Assert.True(
            item.Reason.StartsWith("because you bought ", StringComparison.Ordinal) || (item.ReasonKind == ReasonKinds.BuyAgain && item.TimesBought > 0), item.ToString()));

        var profile = await harness.Profiles.ReadAsync("u0", TestContext.Current.CancellationToken);
        Assert.Equal(updates.Single(u => u.UserId == "u0").Items, profile?.Recommendations?.Items);
        Assert.NotNull(await harness.Documents.GetAsync(RecommendationStore.UserRecommendationsCollection, "lurker", TestContext.Current.CancellationToken));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_duplicate_event_has_one_effect()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        await FeedAsync(harness);
        var purchase = Fixtures.Purchase("u0", "p5");
        var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test");
        var ct = TestContext.Current.CancellationToken;
        var before = await harness.Events.CountAsync(RecommendationStore.Stream, ct);

        await harness.DeliverAsync([purchase, purchase], m => m.EventId);
        await harness.DeliverAsync([request, request], m => m.EventId);
        await harness.Harness.InactivityTask; // both copies handled, not just the first

        Assert.Equal(before + 2, await harness.Events.CountAsync(RecommendationStore.Stream, ct));
        Assert.Equal(2, harness.Harness.Consumed.Select<ModelTrainingRequested>(TestContext.Current.CancellationToken).Count());
        Assert.Single(harness.Published<RecommenderTrained>());
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_user_identified_after_a_training_gets_popular_items_at_once()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        await FeedAsync(harness);
        await harness.DeliverAsync([new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test")], m => m.EventId);

        await harness.DeliverAsync([Fixtures.Identified("newcomer")], m => m.EventId);

        Assert.True(await harness.WasPublishedAsync<RecommendationsUpdated>(m => m.UserId == "newcomer"));
        var profile = await harness.Profiles.ReadAsync("newcomer", TestContext.Current.CancellationToken);
        Assert.NotNull(profile?.Recommendations);
        Assert.Equal(6, profile.Recommendations.Items.Count);
        Assert.All(profile.Recommendations.Items, item => Assert.Equal(Reasons.Popular, item.Reason));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_user_identified_keeps_the_user_id_but_not_the_email_address()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        var identified = Fixtures.Identified("u9") with { FirstName = "Ada", Traits = new Dictionary<string, string> { ["plan"] = "gold" } };

        await harness.DeliverAsync([identified], m => m.EventId);

        var stored = Assert.Single(await harness.Events.ReadAsync(new EventQuery(RecommendationStore.Stream), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((identified.EventId, "u9", nameof(KnownUser)), (stored.EventId, stored.UserId, stored.Type));
        Assert.DoesNotContain("@example.com", stored.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", stored.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("gold", stored.Payload, StringComparison.Ordinal);
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    [Fact]
    public async Task Consume_purchase_without_an_item_faults_and_the_rest_of_its_batch_is_recorded()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        var purchase = Fixtures.Purchase("u0", "p1");
        var view = Fixtures.View("u1", "p2");
        var broken = Fixtures.Purchase("u0", "p1") with { ItemId = null };
        var ct = TestContext.Current.CancellationToken;

        await harness.Harness.Bus.PublishBatch([purchase, broken, view], ct);
        await harness.WaitForConsumedAsync<UserActivityTracked>(3);

        Assert.True(await harness.WasPublishedAsync<Fault<UserActivityTracked>>(m => m.Message.EventId == broken.EventId));
        Assert.True(await harness.Events.ContainsAsync(RecommendationStore.Stream, purchase.EventId, ct));
        Assert.True(await harness.Events.ContainsAsync(RecommendationStore.Stream, view.EventId, ct));
        Assert.Equal(2, await harness.Events.CountAsync(RecommendationStore.Stream, ct));
    }

    [Fact]
    public async Task Consume_activity_without_a_user_faults()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        var anonymous = Fixtures.View(" ", "p2");

        await harness.PublishAsync(anonymous);

        Assert.True(await harness.WasPublishedAsync<Fault<UserActivityTracked>>(m => m.Message.EventId == anonymous.EventId));
        Assert.Equal(0, await harness.Events.CountAsync(RecommendationStore.Stream, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Consume_catalog_item_keeps_the_newest_title_whatever_the_arrival_order()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        var newer = Fixtures.CatalogItem("p1", "Lunch bag red retrospot") with { OccurredAt = Fixtures.Start.AddDays(2) };
        var older = Fixtures.CatalogItem("p1", "Lunch bag") with { OccurredAt = Fixtures.Start };

        await harness.DeliverAsync([newer], m => m.EventId);
        await harness.DeliverAsync([older], m => m.EventId);

        var stored = await harness.Documents.FindAsync<CatalogEntry>(RecommendationStore.CatalogCollection, "p1", TestContext.Current.CancellationToken);
        Assert.Equal("Lunch bag red retrospot", stored?.Title);
    }

    [Fact]
    public async Task Consume_emails_written_keeps_which_items_each_email_showed_once_apart_from_the_evidence_and_faults_only_the_email_without_a_user()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var page = new EmailsWritten(Guid.NewGuid(), Fixtures.Start, "spring-sale",
        [
            new WrittenEmailRecord(Guid.NewGuid(), "u7", Fixtures.Start, Guid.NewGuid(), Fixtures.Start.AddHours(3), ["p1", "p2"], null, CampaignArms.Personalised),
            new WrittenEmailRecord(Guid.NewGuid(), "u8", Fixtures.Start, Guid.NewGuid(), Fixtures.Start.AddHours(5), ["p3"], null, CampaignArms.Personalised),
        ]);
        var broken = new EmailsWritten(Guid.NewGuid(), Fixtures.Start, "spring-sale",
        [
            new WrittenEmailRecord(Guid.NewGuid(), " ", Fixtures.Start, Guid.NewGuid(), Fixtures.Start, ["p1"], null, null),
            new WrittenEmailRecord(Guid.NewGuid(), "u9", Fixtures.Start, Guid.NewGuid(), Fixtures.Start.AddHours(1), ["p4"], null, null),
        ]);

        // A page redelivered (or written again by a retry) records each email once, by its EmailReady's event id.
        await harness.DeliverAsync([page, page], m => m.EventId);
        await harness.PublishAsync(broken);

        Assert.True(await harness.PublishedWithinAsync<Fault<EmailsWritten>>(m => m.Message.EventId == broken.EventId, TimeSpan.FromSeconds(30)));
        var stored = await harness.Events.ReadMessagesAsync<ShownItems>(new EventQuery(RecommendationStore.ShownStream), ct).ToListAsync(ct);
        Assert.Equal(
            [("u7", Fixtures.Start.AddHours(3), "p1,p2"), ("u8", Fixtures.Start.AddHours(5), "p3"), ("u9", Fixtures.Start.AddHours(1), "p4")],
            stored.Select(items => (items.UserId, items.SendAt, string.Join(',', items.ItemIds))).OrderBy(entry => entry.UserId, StringComparer.Ordinal));

        // Apart from the evidence a retraining counts: emails written say nothing yet of what their readers wanted.
        Assert.Equal(0, await harness.Events.CountAsync(RecommendationStore.Stream, ct));
    }

    [Fact]
    public async Task Consume_training_request_with_known_users_but_no_products_yet_faults_as_nothing_to_learn()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        await harness.DeliverAsync([Fixtures.Identified("u1"), Fixtures.Identified("u2")], m => m.EventId);
        await harness.DeliverAsync([Fixtures.Purchase("u1", "POST", name: "POSTAGE", price: 18m)], m => m.EventId);
        var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "test");

        await harness.PublishAsync(request);

        Assert.True(await harness.PublishedWithinAsync<Fault<ModelTrainingRequested>>(m => m.Message.EventId == request.EventId, TimeSpan.FromSeconds(30)));
        var fault = harness.Published<Fault<ModelTrainingRequested>>().Single();
        Assert.Contains("nothing to learn from yet", fault.Exceptions[0].Message, StringComparison.Ordinal);
        Assert.Empty(harness.Published<RecommenderTrained>());
    }

    [Fact]
    public async Task Consume_user_topics_keeps_the_newest_dominant_label_whatever_the_arrival_order()
    {
        await using var harness = await RecommendationHarness.StartAsync();
        var newer = new UserTopicsUpdated(Guid.NewGuid(), "u1", Fixtures.Start.AddDays(1), "lda-2", [0.2, 0.8], 1, "hot water bottle & hand warmer");
        var older = new UserTopicsUpdated(Guid.NewGuid(), "u1", Fixtures.Start, "lda-1", [0.9, 0.1], 0, "paper chain kit");

        await harness.DeliverAsync([newer], m => m.EventId);
        await harness.DeliverAsync([older], m => m.EventId);

        var stored = await harness.Documents.FindAsync<UserTopic>(RecommendationStore.UserTopicsCollection, "u1", TestContext.Current.CancellationToken);
        Assert.Equal(("hot water bottle & hand warmer", "lda-2"), (stored?.Label, stored?.ModelVersion));
        Assert.False(await harness.WasPublishedAsync<Fault>());
    }

    /// <summary>Six items in the catalog, six buyers of two or three items each, one identified user with no history.</summary>
    /// <summary>Six products, six buyers of two or three each, one identified user without history ("lurker").</summary>
    internal static async Task FeedAsync(ConsumerHarness harness)
    {
        await harness.DeliverAsync(Enumerable.Range(0, 6).Select(i => Fixtures.CatalogItem($"p{i}", $"Product {i}")), m => m.EventId);
        await harness.DeliverAsync(Enumerable.Range(0, 6).Select(i => Fixtures.Identified($"u{i}")).Append(Fixtures.Identified("lurker")), m => m.EventId);
        var purchases = Enumerable.Range(0, 6).SelectMany(user => Enumerable.Range(0, 2 + (user % 2)).Select(k => Fixtures.Purchase($"u{user}", $"p{(user + k) % 6}", quantity: 1 + k)));
        await harness.DeliverAsync(purchases.Append(Fixtures.View("u1", "p5")), m => m.EventId);
    }
}
