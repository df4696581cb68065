using Tailor.ContentGeneration;
using Tailor.ContentGeneration.Composition;
using Tailor.Contracts;
using Tailor.Recommendation;
using Tailor.Recommendation.Catalog;
using Tailor.Recommendation.Evaluation;
using Tailor.Recommendation.Ranking;
using Tailor.Recommendation.Scoring;
using Tailor.Recommendation.Training;
using Tailor.Training.Catalog;

namespace Tailor.Host.Evaluation;

/// <summary>One part of what the emails show, scored with the protocol that fits it.</summary>
/// <param name="Part"><c>email</c> (every item the email shows), <c>buy-again</c> or <c>new-for-you</c> (one section of it).</param>
/// <param name="Protocol"><c>all</c> for the whole email, <c>re-orders</c> for "Buy again", <c>new</c> for "New for you".</param>
/// <param name="K">How many items the email shows: ContentGeneration's <c>MaxItems</c>, or 10 for comparison with the literature.</param>
/// <param name="ItemsShown">How many items the part showed each user scored, on average.</param>
public sealed record EmailRow(string Part, string Protocol, int K, double ItemsShown, ListFigures Figures);

/// <summary>
/// What the emails show, scored: the service's own recommender (<see cref="RecommenderBuilder.Serve"/>, over the
/// models and choice <c>eval recommend</c> trained) gives each test user their list with its reasons, and
/// ContentGeneration's own code (<see cref="EmailItems.Choose"/>, <see cref="EmailFacts.SectionOf"/>) picks what the
/// email shows and splits it into "Buy again" and "New for you", with the shipped defaults (both sections, re-orders
/// first, <c>TopN</c> and <c>MaxItems</c> as configured by default). Each part is scored with the protocol that fits it:
/// "Buy again" on re-orders (items bought before and bought again in the test period), "New for you" on <c>new</c>, and
/// the whole email on <c>all</c>. At 10, the service is asked for 10 items and the email shows up to 10, composed the
/// same way, so the figures compare with the literature's @10.
/// </summary>
public static class EmailEvaluation
{
    public const int LiteratureK = 10;

    /// <param name="titles">Item names (Online Retail's descriptions); a file without them names each item by its id.</param>
    /// <param name="prices">Item prices; a file without them prices each item at 1, so that every item can be shown.</param>
    /// <returns>The rows, or null when the file holds items the service would not recommend (their lists would differ).</returns>
    public static IReadOnlyList<EmailRow>? Run(
        EvaluationReport report,
        IReadOnlyList<Interaction> train,
        IReadOnlyList<Interaction> test,
        IReadOnlyDictionary<string, string> titles,
        IReadOnlyDictionary<string, decimal> prices)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(test);
        var set = report.Served.Set;
        var catalog = Catalog(set, titles, prices);
        if (catalog.Values.Any(entry => !ProductRule.IsProduct(entry.ItemId, entry.Price)))
        {
            return null;
        }

        var parts = new (string Part, string Protocol, string? Section, IReadOnlyList<TestTarget> Targets)[]
        {
            ("email", "all", null, TestTargets.For(set, test, EvaluationProtocol.All)),
            ("buy-again", "re-orders", EmailSections.BuyAgain, TestTargets.Repurchases(set, test)),
            ("new-for-you", "new", EmailSections.NewForYou, TestTargets.For(set, test, EvaluationProtocol.New)),
        };
        var users = parts.SelectMany(part => part.Targets).Select(target => target.UserId).Distinct(StringComparer.Ordinal).ToList();
        var rows = new List<EmailRow>();
        foreach (var (topN, maxItems) in new[] { (new RecommendationOptions().TopN, new ContentGenerationOptions().MaxItems), (LiteratureK, LiteratureK) })
        {
            var recommender = ServiceRecommender(report, train, catalog, topN);
            var shown = new IReadOnlyList<RecommendedItem>[users.Count];
            Parallel.For(0, users.Count, index => shown[index] = Shown(recommender, users[index], maxItems));
            var byUser = users.Select((user, index) => (user, index)).ToDictionary(entry => entry.user, entry => shown[entry.index], StringComparer.Ordinal);
            foreach (var (part, protocol, section, targets) in parts)
            {
                var lists = targets
                    .Select(target => (IReadOnlyList<int>)[.. byUser[target.UserId]
                        .Where(item => section is null || EmailFacts.SectionOf(item) == section)
                        .Select(item => set.ItemIndex[item.ItemId])])
                    .ToList();
                rows.Add(new EmailRow(part, protocol, maxItems, lists.Count == 0 ? 0 : lists.Average(list => list.Count), ListFigures.Of(set, targets, lists, maxItems)));
            }
        }

        return rows;
    }

    /// <summary>What the email shows the user, best first: ContentGeneration's choice from the service's list, both sections.</summary>
    public static IReadOnlyList<RecommendedItem> Shown(Recommender recommender, string userId, int maxItems)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        return EmailItems.Choose(recommender.For(userId), sections: null, maxItems);
    }

    /// <summary>
    /// The service's recommender over the evaluation's models: the training interactions as the purchases the service
    /// would have received (weight = units), the evaluation's choice of what to serve, the shipped serving options.
    /// </summary>
    public static Recommender ServiceRecommender(
        EvaluationReport report, IReadOnlyList<Interaction> train, IReadOnlyDictionary<string, CatalogEntry> catalog, int topN)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(train);
        var settings = report.Settings;
        var interactions = new InteractionSet();
        foreach (var interaction in train)
        {
            interactions.Add(interaction.UserId, interaction.ItemId, interaction.Weight, interaction.At, purchased: true);
        }

        var options = new RecommendationOptions
        {
            TopN = topN,
            Diversity = settings.Diversity,
            PopularityWindow = TimeSpan.FromDays(settings.PopularityWindowDays),
        };
        return RecommenderBuilder.Serve(interactions, catalog, options, "eval", report.Served.Set, report.Served.Components, report.Choice);
    }

    /// <summary>Each item of the training set as the catalog would describe it.</summary>
    public static Dictionary<string, CatalogEntry> Catalog(TrainingSet set, IReadOnlyDictionary<string, string> titles, IReadOnlyDictionary<string, decimal> prices)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentNullException.ThrowIfNull(prices);
        return set.Items.ToDictionary(
            item => item,
            item => new CatalogEntry(item, titles.GetValueOrDefault(item) ?? item, prices.TryGetValue(item, out var price) ? price : 1m, DateTimeOffset.MinValue),
            StringComparer.Ordinal);
    }
}
