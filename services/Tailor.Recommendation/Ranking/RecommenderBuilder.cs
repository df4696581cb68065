using Tailor.Recommendation.Catalog;
using Tailor.Recommendation.Evaluation;
using Tailor.Recommendation.Training;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Ranking;

/// <summary>Turns the gathered interactions and the catalog copy into a trained <see cref="Recommender"/>.</summary>
public static class RecommenderBuilder
{
    /// <param name="itemVectors">Item vectors of one embedding model for content similarity; null or empty leaves that model out.</param>
    /// <param name="userTopics">Users' dominant topic labels, for "popular in your topic" reasons.</param>
    public static Recommender Build(
        InteractionSet interactions,
        IReadOnlyDictionary<string, CatalogEntry> catalog,
        RecommendationOptions options,
        string modelVersion,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, float[]>? itemVectors = null,
        IReadOnlyDictionary<string, string>? userTopics = null)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);

        var items = Products(interactions, catalog).ToArray();
        if (items.Length == 0)
        {
            throw new ArgumentException("A recommender needs at least one interaction with a recommendable product.", nameof(interactions));
        }

        var itemIndex = items.Select((entry, index) => (entry.ItemId, index)).ToDictionary(pair => pair.ItemId, pair => pair.index, StringComparer.Ordinal);

        // The training set numbers users and items in ordinal order, as the arrays below do, so one index means one item.
        var productInteractions = interactions.Interactions.Where(interaction => itemIndex.ContainsKey(interaction.ItemId)).ToList();
        var set = TrainingSet.From(productInteractions, itemIndex.Keys);
        var users = set.Users;
        var purchased = new HashSet<int>[users.Count];
        for (var user = 0; user < users.Count; user++)
        {
            purchased[user] = [.. set.ByUser[user].Where(item => interactions.HasPurchased(users[user], items[item.Item].ItemId)).Select(item => item.Item)];
        }

        var settings = options.ToEvaluationSettings();
        var vectors = itemVectors is { Count: > 0 } ? itemVectors : null;
        var components = RecommenderSuite.Train(set, vectors, settings, cancellationToken);
        var titles = items.ToDictionary(entry => entry.ItemId, entry => entry.Title, StringComparer.Ordinal);
        var choice = ServedSelection.Choose(
            ValidationWindow.Of(productInteractions, settings.ValidationDays), components, vectors, settings,
            validationSet => new ProductFamilies([.. validationSet.Items.Select(item => titles.GetValueOrDefault(item))]), options.ExcludePurchased, cancellationToken);
        var blend = new BlendScorer(set, components, choice.Weights, settings.Diversity, new ProductFamilies([.. items.Select(entry => entry.Title)]));
        var popular = interactions.RecentAudience(options.PopularityWindow)
            .Where(audience => itemIndex.ContainsKey(audience.Key))
            .OrderByDescending(audience => audience.Value)
            .ThenBy(audience => audience.Key, StringComparer.Ordinal)
            .Select(audience => (itemIndex[audience.Key], audience.Value))
            .ToArray();

        return new Recommender(modelVersion, blend, choice, items, purchased, popular, options, interactions.IgnoredItems, interactions.ClickedItems, userTopics ?? new Dictionary<string, string>());
    }

    /// <summary>
    /// The items a model is built over, in ordinal order: those touched that are recommendable products with a name
    /// (postage and fees would otherwise dominate as "items everybody buys").
    /// </summary>
    public static IReadOnlyList<CatalogEntry> Products(InteractionSet interactions, IReadOnlyDictionary<string, CatalogEntry> catalog)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. interactions.Weights.Values
            .SelectMany(weights => weights.Keys)
            .Distinct(StringComparer.Ordinal)
            .Select(itemId => Describe(itemId, catalog, interactions))
            .OfType<CatalogEntry>()
            .Where(entry => ProductRule.IsProduct(entry.ItemId, entry.Price))
            .OrderBy(entry => entry.ItemId, StringComparer.Ordinal)];
    }

    private static CatalogEntry? Describe(string itemId, IReadOnlyDictionary<string, CatalogEntry> catalog, InteractionSet interactions)
    {
        if (catalog.TryGetValue(itemId, out var entry))
        {
            return entry;
        }

        return interactions.TryGetActivityName(itemId, out var named) ? new CatalogEntry(itemId, named.Name, named.Price, DateTimeOffset.MinValue) : null;
    }
}
