using Tailor.Recommendation.Als;
using Tailor.Recommendation.Catalog;
using Tailor.Recommendation.Training;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Ranking;

/// <summary>Turns the gathered interactions and the catalog copy into a trained <see cref="Recommender"/>.</summary>
public static class RecommenderBuilder
{
    public static Recommender Build(
        InteractionSet interactions,
        IReadOnlyDictionary<string, CatalogEntry> catalog,
        RecommendationOptions options,
        string modelVersion,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);

        // Only recommendable products enter the model: postage and fees would otherwise dominate as "items everybody buys".
        var items = interactions.Weights.Values
            .SelectMany(weights => weights.Keys)
            .Distinct(StringComparer.Ordinal)
            .Select(itemId => Describe(itemId, catalog, interactions))
            .OfType<CatalogEntry>()
            .Where(entry => ProductRule.IsProduct(entry.ItemId, entry.Price))
            .OrderBy(entry => entry.ItemId, StringComparer.Ordinal)
            .ToArray();
        var itemIndex = items.Select((entry, index) => (entry.ItemId, index)).ToDictionary(pair => pair.ItemId, pair => pair.index, StringComparer.Ordinal);

        var users = interactions.Weights
            .Where(user => user.Value.Keys.Any(itemIndex.ContainsKey))
            .Select(user => user.Key)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var userIndex = users.Select((userId, index) => (userId, index)).ToDictionary(pair => pair.userId, pair => pair.index, StringComparer.Ordinal);

        var interacted = new int[users.Length][];
        var purchased = new HashSet<int>[users.Length];
        var cells = new List<(int Row, int Column, float Value)>();
        for (var user = 0; user < users.Length; user++)
        {
            var touched = interactions.Weights[users[user]]
                .Where(weight => itemIndex.ContainsKey(weight.Key))
                .Select(weight => (Item: itemIndex[weight.Key], weight.Key, weight.Value))
                .OrderBy(weight => weight.Item)
                .ToList();
            interacted[user] = [.. touched.Select(weight => weight.Item)];
            purchased[user] = [.. touched.Where(weight => interactions.HasPurchased(users[user], weight.Key)).Select(weight => weight.Item)];
            cells.AddRange(touched.Select(weight => (user, weight.Item, Confidence(weight.Value, options.Alpha))));
        }

        var matrix = InteractionMatrix.FromCells(users.Length, items.Length, cells);
        var factors = ImplicitAls.Fit(matrix, options.ToAlsParameters(), cancellationToken);
        var popular = interactions.RecentAudience(options.PopularityWindow)
            .Where(audience => itemIndex.ContainsKey(audience.Key))
            .OrderByDescending(audience => audience.Value)
            .ThenBy(audience => audience.Key, StringComparer.Ordinal)
            .Select(audience => (itemIndex[audience.Key], audience.Value))
            .ToArray();

        return new Recommender(modelVersion, factors, userIndex, items, interacted, purchased, popular, matrix.NonZeroCount, options);
    }

    /// <summary>c = 1 + α·ln(1 + w), the log-scaled confidence of Hu, Koren and Volinsky.</summary>
    public static float Confidence(double weight, double alpha) => (float)(1.0 + (alpha * Math.Log(1.0 + weight)));

    private static CatalogEntry? Describe(string itemId, IReadOnlyDictionary<string, CatalogEntry> catalog, InteractionSet interactions)
    {
        if (catalog.TryGetValue(itemId, out var entry))
        {
            return entry;
        }

        return interactions.TryGetActivityName(itemId, out var named) ? new CatalogEntry(itemId, named.Name, named.Price, DateTimeOffset.MinValue) : null;
    }
}
