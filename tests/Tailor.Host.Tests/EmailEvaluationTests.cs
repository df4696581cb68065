using Tailor.ContentGeneration;
using Tailor.ContentGeneration.Composition;
using Tailor.Contracts;
using Tailor.Host.Evaluation;
using Tailor.Recommendation;
using Tailor.Recommendation.Evaluation;
using Tailor.Recommendation.Evaluation.Synthetic;
using Tailor.Recommendation.Ranking;
using Tailor.Recommendation.Scoring;
using Tailor.Recommendation.Training;
using Tailor.Training.Catalog;

namespace Tailor.Host.Tests;

public sealed class EmailEvaluationTests(ITestOutputHelper output)
{
    private const decimal Price = 2.5m;

    [Fact]
    public void The_lists_eval_recommend_scores_are_the_emails_the_service_would_send()
    {
        var ct = TestContext.Current.CancellationToken;
        // Regulars re-ordering staples, and customers of a few visits who never re-order: an email has both sections to fill.
        var interactions = SeasonalBaskets.Generate(users: 150, seed: 5)
            .Concat(NoRepeatTastes.Generate(users: 300, items: 200, seed: 5).Select(interaction => interaction with { UserId = "once-" + interaction.UserId }))
            .ToList();
        var train = interactions.Where(interaction => interaction.At < SeasonalBaskets.TestFrom).ToList();
        var test = interactions.Where(interaction => interaction.At >= SeasonalBaskets.TestFrom).ToList();
        var titles = train.Select(interaction => interaction.ItemId).Distinct(StringComparer.Ordinal).ToDictionary(item => item, item => $"Item {item}", StringComparer.Ordinal);

        // The evaluation: its own training and choice, then the lists it scores.
        var report = RecommendationEvaluation.Run(train, test, itemVectors: null, new EvaluationSettings(), TextWriter.Null, ct, itemTitles: titles);
        var maxItems = new ContentGenerationOptions().MaxItems;
        var prices = titles.ToDictionary(title => title.Key, _ => Price, StringComparer.Ordinal);

        // The service: the same purchases as the messages it consumes, trained with its defaults; ContentGeneration's choice of items.
        var gathered = new InteractionSet();
        foreach (var interaction in train)
        {
            var purchase = new UserActivityTracked(Guid.NewGuid(), interaction.UserId, interaction.At, ActivityKinds.Purchase, interaction.ItemId, titles[interaction.ItemId], interaction.Weight, Price, null, new Dictionary<string, string>());
            EvidenceWeights.Add(gathered, purchase, new RecommendationOptions());
        }

        var catalog = titles.ToDictionary(title => title.Key, title => new CatalogEntry(title.Key, title.Value, Price, DateTimeOffset.MinValue), StringComparer.Ordinal);
        var users = test.Select(interaction => interaction.UserId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        // The shipped TopN, and the demo's 12, which leaves the email more to choose from.
        var bothSections = 0;
        foreach (var topN in new[] { new RecommendationOptions().TopN, 12 })
        {
            var service = RecommenderBuilder.Build(gathered, catalog, new RecommendationOptions { TopN = topN }, "service", ct);
            var evaluated = EmailEvaluation.ServiceRecommender(report, train, EmailEvaluation.Catalog(report.Served.Set, titles, prices), topN);
            Assert.Equal(service.Choice.Model, report.Choice.Model);
            Assert.Equal(service.Choice.ExcludeTaken, report.Choice.ExcludeTaken);
            foreach (var user in users)
            {
                var sent = EmailItems.Choose(service.For(user), sections: null, maxItems);
                var scored = EmailEvaluation.Shown(evaluated, user, maxItems);
                Assert.Equal(sent, scored);
                Assert.Equal(maxItems, scored.Count);
                bothSections += scored.Select(EmailFacts.SectionOf).Distinct().Count() == 2 ? 1 : 0;
            }
        }

        output.WriteLine($"{bothSections} of {2 * users.Count} emails show both sections");
        Assert.True(bothSections > 0, "no email shows both sections: the test would not see the split into sections");
    }

    [Fact]
    public void Email_rows_score_each_section_with_its_protocol_at_the_emails_size_and_at_ten()
    {
        var ct = TestContext.Current.CancellationToken;
        var interactions = SeasonalBaskets.Generate(users: 200, seed: 5);
        var train = interactions.Where(interaction => interaction.At < SeasonalBaskets.TestFrom).ToList();
        var test = interactions.Where(interaction => interaction.At >= SeasonalBaskets.TestFrom).ToList();
        var report = RecommendationEvaluation.Run(train, test, itemVectors: null, new EvaluationSettings(), TextWriter.Null, ct);

        var rows = EmailEvaluation.Run(report, train, test, new Dictionary<string, string>(), new Dictionary<string, decimal>());

        Assert.NotNull(rows);
        var maxItems = new ContentGenerationOptions().MaxItems;
        Assert.Equal(
            [("email", "all", maxItems), ("buy-again", "re-orders", maxItems), ("new-for-you", "new", maxItems), ("email", "all", 10), ("buy-again", "re-orders", 10), ("new-for-you", "new", 10)],
            rows.Select(row => (row.Part, row.Protocol, row.K)));
        foreach (var row in rows)
        {
            output.WriteLine($"{row.Part} {row.Protocol} {row.K}: NDCG {row.Figures.Ndcg:F4}, {row.ItemsShown:F2} items, {row.Figures.Users} users");
            Assert.InRange(row.ItemsShown, 0, row.K);
            Assert.Equal(row.Figures.Users, row.Figures.Segments.Sum(segment => segment.Users));
            Assert.InRange(row.Figures.Ndcg, 0, 1);
        }

        // Every email is full; the re-orders it shows find what users bought again.
        Assert.All(rows.Where(row => row.Part == "email"), row => Assert.Equal(row.K, row.ItemsShown));
        Assert.All(rows.Where(row => row.Part != "new-for-you"), row => Assert.True(row.Figures.Ndcg > 0.1, $"{row.Part} at {row.K}: {row.Figures.Ndcg:F4}"));

        // Nobody new re-orders; everyone in the test month re-orders a staple here.
        Assert.All(rows.Where(row => row.Part == "buy-again"), row => Assert.Equal(0, row.Figures.Segments.Single(segment => segment.Segment == UserSegment.New).Users));
    }

    [Fact]
    public void Email_rows_are_left_out_when_the_file_holds_items_the_service_would_not_recommend()
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var train = Enumerable.Range(0, 60).SelectMany(day => new[]
        {
            new Interaction($"u{day % 6}", "POST", start.AddDays(day), 1),
            new Interaction($"u{day % 6}", $"i{day % 5}", start.AddDays(day), 1),
        }).ToList();
        var test = new List<Interaction> { new("u1", "i3", start.AddDays(61), 1) };
        var report = RecommendationEvaluation.Run(train, test, itemVectors: null, new EvaluationSettings(), TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Null(EmailEvaluation.Run(report, train, test, new Dictionary<string, string>(), new Dictionary<string, decimal>()));
    }
}
