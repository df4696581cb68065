using Tailor.Recommendation.Catalog;
using Tailor.Recommendation.Scoring;
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
        ArgumentNullException.ThrowIfNull(options);
        var served = ServedProducts.Of(interactions, catalog);
        var settings = options.ToEvaluationSettings();
        var vectors = itemVectors is { Count: > 0 } ? itemVectors : null;
        var components = RecommenderSuite.Train(served.Set, vectors, settings, cancellationToken);
        var choice = ServedSelection.Choose(
            ValidationWindow.Of(served.Interactions, settings.ValidationDays), components, vectors, settings,
            validationSet => new ProductFamilies([.. validationSet.Items.Select(item => served.Titles.GetValueOrDefault(item))]), options.ExcludePurchased, cancellationToken);
        return Assemble(served, interactions, components, choice, options, modelVersion, userTopics);
    }

    /// <summary>
    /// The recommender <see cref="Build"/> would serve, from models already trained on the same interactions and the
    /// choice already made (<c>eval recommend</c> trains and chooses once, then scores the lists this serves, so what
    /// it measures is what the service sends). The models must be numbered as <see cref="Build"/> numbers them:
    /// <paramref name="set"/> must hold exactly the products it would train on.
    /// </summary>
    /// <param name="set">The training set <paramref name="components"/> were trained on.</param>
    public static Recommender Serve(
        InteractionSet interactions,
        IReadOnlyDictionary<string, CatalogEntry> catalog,
        RecommendationOptions options,
        string modelVersion,
        TrainingSet set,
        IReadOnlyList<IItemScorer> components,
        ServedChoice choice)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(choice);
        var served = ServedProducts.Of(interactions, catalog);
        if (!set.Items.SequenceEqual(served.Set.Items, StringComparer.Ordinal) || !set.Users.SequenceEqual(served.Set.Users, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"The models were trained on {set.Users.Count} users x {set.Items.Count} items; the service would train on {served.Set.Users.Count} x {served.Set.Items.Count} recommendable products.",
                nameof(set));
        }

        return Assemble(served, interactions, components, choice, options, modelVersion, userTopics: null);
    }

    private static Recommender Assemble(
        ServedProducts served,
        InteractionSet interactions,
        IReadOnlyList<IItemScorer> components,
        ServedChoice choice,
        RecommendationOptions options,
        string modelVersion,
        IReadOnlyDictionary<string, string>? userTopics)
    {
        var (items, set) = (served.Items, served.Set);
        var users = set.Users;
        var purchased = new HashSet<int>[users.Count];
        for (var user = 0; user < users.Count; user++)
        {
            purchased[user] = [.. set.ByUser[user].Where(item => interactions.HasPurchased(users[user], items[item.Item].ItemId)).Select(item => item.Item)];
        }

        var blend = new BlendScorer(set, components, choice.Weights, options.Diversity, new ProductFamilies([.. items.Select(entry => entry.Title)]));
        var popular = interactions.RecentAudience(options.PopularityWindow)
            .Where(audience => set.ItemIndex.ContainsKey(audience.Key))
            .OrderByDescending(audience => audience.Value)
            .ThenBy(audience => audience.Key, StringComparer.Ordinal)
            .Select(audience => (set.ItemIndex[audience.Key], audience.Value))
            .ToArray();

        return new Recommender(modelVersion, blend, choice, items, purchased, popular, options, interactions.IgnoredItems, interactions.ClickedItems, interactions.OrdersOf, userTopics ?? new Dictionary<string, string>());
    }

    /// <summary>The recommendable products and the interactions with them, numbered for training.</summary>
    private sealed record ServedProducts(CatalogEntry[] Items, List<Interaction> Interactions, TrainingSet Set, Dictionary<string, string> Titles)
    {
        public static ServedProducts Of(InteractionSet interactions, IReadOnlyDictionary<string, CatalogEntry> catalog)
        {
            ArgumentNullException.ThrowIfNull(interactions);
            ArgumentNullException.ThrowIfNull(catalog);
            var items = Products(interactions, catalog).ToArray();
            if (items.Length == 0)
            {
                throw new ArgumentException("A recommender needs at least one interaction with a recommendable product.", nameof(interactions));
            }

            var itemIds = items.Select(entry => entry.ItemId).ToHashSet(StringComparer.Ordinal);

            // The training set numbers users and items in ordinal order, as the item array does, so one index means one item.
            var productInteractions = interactions.Interactions.Where(interaction => itemIds.Contains(interaction.ItemId)).ToList();
            var set = TrainingSet.From(productInteractions, items.Select(entry => entry.ItemId));
            return new ServedProducts(items, productInteractions, set, items.ToDictionary(entry => entry.ItemId, entry => entry.Title, StringComparer.Ordinal));
        }
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
