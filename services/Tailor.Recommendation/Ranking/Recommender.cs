using Tailor.Contracts;
using Tailor.Recommendation.Als;
using Tailor.Recommendation.Evaluation;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Ranking;

/// <summary>
/// A trained model ready to serve: the blend of popularity, buy-again, item-kNN, content similarity and ALS (weights
/// per user segment) for users it was trained on, the most popular items for everyone else. Immutable, so a training
/// can build the next one while this one serves.
/// </summary>
public sealed class Recommender
{
    private readonly BlendScorer _blend;
    private readonly AlsFactors _factors;
    private readonly IReadOnlyDictionary<string, int> _userIndex;
    private readonly CatalogEntry[] _items;
    private readonly int[][] _interacted;
    private readonly HashSet<int>[] _purchased;
    private readonly (int Item, int Audience)[] _popular;
    private readonly int _topN;
    private readonly bool _excludePurchased;
    private readonly Func<string, IEnumerable<(string ItemId, int Times)>> _ignored;
    private readonly IReadOnlyDictionary<string, int> _itemNumbers;
    private readonly double _ignoredPenalty;
    private readonly Func<string, IEnumerable<(string ItemId, int Times)>> _clicked;
    private readonly double _clickedBoost;
    private readonly IReadOnlyList<string> _users;
    private readonly IReadOnlyDictionary<string, string> _userTopics;
    private readonly Dictionary<string, HashSet<int>> _popularByTopic;

    internal Recommender(
        string modelVersion,
        BlendScorer blend,
        CatalogEntry[] items,
        HashSet<int>[] purchased,
        (int Item, int Audience)[] popular,
        RecommendationOptions options,
        Func<string, IEnumerable<(string ItemId, int Times)>> ignored,
        Func<string, IEnumerable<(string ItemId, int Times)>> clicked,
        IReadOnlyDictionary<string, string> userTopics)
    {
        ModelVersion = modelVersion;
        _blend = blend;
        var als = blend.Components.OfType<AlsScorer>().Single();
        _factors = als.Factors;
        InteractionCount = als.CellCount;
        // Users and their items are numbered as in the blend's training set.
        _userIndex = blend.Set.UserIndex;
        _items = items;
        _interacted = [.. blend.Set.ByUser.Select(user => user.Select(item => item.Item).ToArray())];
        _purchased = purchased;
        _popular = popular;
        _topN = options.TopN;
        _excludePurchased = options.ExcludePurchased;
        _ignored = ignored;
        _ignoredPenalty = options.IgnoredPenalty;
        _clicked = clicked;
        _clickedBoost = options.ClickedBoost;
        _users = blend.Set.Users;
        _userTopics = userTopics;
        _popularByTopic = PopularByTopic(userTopics, _interacted, blend.Set.Users, options.TopN * 4);
        _itemNumbers = blend.Set.ItemIndex;
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
        var scores = new float[_items.Length];
        var parts = _blend.ScoreWithParts(user, scores);
        Scale(scores, _ignored(_users[user]), times => Math.Pow(1 - _ignoredPenalty, times));
        Scale(scores, _clicked(_users[user]), times => Math.Pow(1 + _clickedBoost, Math.Min(times, RecommendationOptions.MaxBoostedClicks)));

        var ranked = _blend.Rank(scores, _topN, excluded.Count == 0 ? null : excluded.Contains);
        var strongest = StrongestModels(user, ranked, parts);
        return [.. ranked.Select((item, position) => ToRecommendation(item, scores[item], Explain(user, item, strongest[position])))];
    }

    /// <summary>Multiplies the score of each item the emails' feedback names by the factor for how often it happened.</summary>
    private void Scale(float[] scores, IEnumerable<(string ItemId, int Times)> feedback, Func<int, double> factor)
    {
        foreach (var (itemId, times) in feedback)
        {
            if (_itemNumbers.TryGetValue(itemId, out var item))
            {
                scores[item] *= (float)factor(times);
            }
        }
    }

    /// <summary>For each ranked item, the model that added most to its blended score (weight × scaled score).</summary>
    private string[] StrongestModels(int user, int[] ranked, float[]?[] parts)
    {
        var weights = _blend.WeightsFor(user);
        var best = new (string Model, double Share)[ranked.Length];
        for (var c = 0; c < _blend.Components.Count; c++)
        {
            if (parts[c] is not { } scores)
            {
                continue;
            }

            for (var position = 0; position < ranked.Length; position++)
            {
                var share = weights[c] * scores[ranked[position]];
                if (best[position].Model is null || share > best[position].Share)
                {
                    best[position] = (_blend.Components[c].Name, share);
                }
            }
        }

        return [.. best.Select(entry => entry.Model ?? "popularity")];
    }

    private string Explain(int user, int item, string model) => model switch
    {
        "popularity" => _userTopics.TryGetValue(_users[user], out var topic) && _popularByTopic.TryGetValue(topic, out var popular) && popular.Contains(item)
            ? Reasons.PopularInYourTopic(topic)
            : Reasons.Popular,
        "buy-again" => Reasons.BuyAgain,
        "content" => Reasons.CloseToYourInterests,
        _ => BecauseOf(user, item),
    };

    /// <summary>For each topic label, the items most users whose dominant topic it is have taken.</summary>
    private static Dictionary<string, HashSet<int>> PopularByTopic(
        IReadOnlyDictionary<string, string> userTopics, int[][] interacted, IReadOnlyList<string> users, int count)
    {
        var audience = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        for (var user = 0; user < users.Count; user++)
        {
            if (!userTopics.TryGetValue(users[user], out var topic))
            {
                continue;
            }

            if (!audience.TryGetValue(topic, out var counts))
            {
                audience[topic] = counts = [];
            }

            foreach (var item in interacted[user])
            {
                counts[item] = counts.GetValueOrDefault(item) + 1;
            }
        }

        return audience.ToDictionary(
            topic => topic.Key,
            topic => topic.Value.OrderByDescending(item => item.Value).ThenBy(item => item.Key).Take(count).Select(item => item.Key).ToHashSet(),
            StringComparer.Ordinal);
    }

    /// <summary>Names the item the user bought (or else touched) whose factors are closest to the recommended one.</summary>
    private string BecauseOf(int user, int recommended)
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
