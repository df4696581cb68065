using Tailor.Contracts;
using Tailor.Recommendation.Als;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Ranking;

/// <summary>
/// A trained model ready to serve: ALS top-N for users it was trained on, the most popular items for everyone else.
/// Immutable, so a training can build the next one while this one serves.
/// </summary>
public sealed class Recommender
{
    private readonly AlsFactors _factors;
    private readonly IReadOnlyDictionary<string, int> _userIndex;
    private readonly CatalogEntry[] _items;
    private readonly int[][] _interacted;
    private readonly HashSet<int>[] _purchased;
    private readonly (int Item, int Audience)[] _popular;
    private readonly int _topN;
    private readonly bool _excludePurchased;

    internal Recommender(
        string modelVersion,
        AlsFactors factors,
        IReadOnlyDictionary<string, int> userIndex,
        CatalogEntry[] items,
        int[][] interacted,
        HashSet<int>[] purchased,
        (int Item, int Audience)[] popular,
        int interactionCount,
        RecommendationOptions options)
    {
        ModelVersion = modelVersion;
        _factors = factors;
        _userIndex = userIndex;
        _items = items;
        _interacted = interacted;
        _purchased = purchased;
        _popular = popular;
        InteractionCount = interactionCount;
        _topN = options.TopN;
        _excludePurchased = options.ExcludePurchased;
    }

    public string ModelVersion { get; }

    public int UserCount => _userIndex.Count;

    public int ItemCount => _items.Length;

    /// <summary>The user × item cells the model was fitted on.</summary>
    public int InteractionCount { get; }

    public bool Knows(string userId) => _userIndex.ContainsKey(userId);

    /// <summary>The user's top-N: from their factors when the model knows them, else what is popular.</summary>
    public IReadOnlyList<RecommendedItem> For(string userId) =>
        _userIndex.TryGetValue(userId, out var user) ? Personal(user) : Popular(userId);

    /// <summary>The most popular items the user has not bought: the fallback, and the baseline ALS must beat.</summary>
    public IReadOnlyList<RecommendedItem> Popular(string userId)
    {
        var purchased = _userIndex.TryGetValue(userId, out var user) && _excludePurchased ? _purchased[user] : [];
        return [.. _popular
            .Where(entry => !purchased.Contains(entry.Item))
            .Take(_topN)
            .Select(entry => ToRecommendation(entry.Item, entry.Audience, Reasons.Popular))];
    }

    private List<RecommendedItem> Personal(int user)
    {
        var excluded = _excludePurchased ? _purchased[user] : [];
        var best = new PriorityQueue<int, float>(_topN + 1);
        for (var item = 0; item < _items.Length; item++)
        {
            if (excluded.Contains(item))
            {
                continue;
            }

            best.Enqueue(item, _factors.Score(user, item));
            if (best.Count > _topN)
            {
                best.Dequeue();
            }
        }

        var ranked = new List<(int Item, float Score)>(best.Count);
        while (best.TryDequeue(out var item, out var score))
        {
            ranked.Add((item, score));
        }

        return [.. ranked
            .OrderByDescending(entry => entry.Score)
            .ThenBy(entry => _items[entry.Item].ItemId, StringComparer.Ordinal)
            .Select(entry => ToRecommendation(entry.Item, entry.Score, Explain(user, entry.Item)))];
    }

    /// <summary>Names the item the user bought (or else touched) whose factors are closest to the recommended one.</summary>
    private string Explain(int user, int recommended)
    {
        var bought = _purchased[user];
        var evidence = bought.Count > 0 ? bought : (IEnumerable<int>)_interacted[user];
        var closest = evidence.MaxBy(item => _factors.ItemSimilarity(item, recommended));
        var title = _items[closest].Title;
        return bought.Count > 0 ? Reasons.BecauseYouBought(title) : Reasons.BecauseYouViewed(title);
    }

    private RecommendedItem ToRecommendation(int item, double score, string reason)
    {
        var entry = _items[item];
        return new RecommendedItem(entry.ItemId, entry.Title, entry.Price, score, reason);
    }
}
