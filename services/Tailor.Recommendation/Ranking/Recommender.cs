using Tailor.Contracts;
using Tailor.Recommendation.Als;
using Tailor.Recommendation.Scoring;
using Tailor.Recommendation.Training;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Ranking;

/// <summary>
/// A trained model ready to serve: what <see cref="Scoring.ServedSelection"/> chose (the blend of the suite's models
/// with weights per user segment, or the best single one) for users it was trained on, the most popular items for
/// everyone else. Immutable, so a training
/// can build the next one while this one serves.
/// </summary>
public sealed class Recommender
{
    /// <summary>The fewest orders of an item that say how often the user orders it.</summary>
    public const int OrdersForRhythm = 3;

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
    private readonly Func<string, string, ItemOrders?> _ordersOf;

    internal Recommender(
        string modelVersion,
        BlendScorer blend,
        ServedChoice choice,
        CatalogEntry[] items,
        HashSet<int>[] purchased,
        (int Item, int Audience)[] popular,
        RecommendationOptions options,
        Func<string, IEnumerable<(string ItemId, int Times)>> ignored,
        Func<string, IEnumerable<(string ItemId, int Times)>> clicked,
        Func<string, string, ItemOrders?> ordersOf,
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
        Choice = choice;
        _excludePurchased = choice.ExcludeTaken;
        _ignored = ignored;
        _ignoredPenalty = options.IgnoredPenalty;
        _clicked = clicked;
        _clickedBoost = options.ClickedBoost;
        _ordersOf = ordersOf;
        _users = blend.Set.Users;
        _userTopics = userTopics;
        _popularByTopic = PopularByTopic(userTopics, _interacted, blend.Set.Users, options.TopN * 4);
        _itemNumbers = blend.Set.ItemIndex;
    }

    public string ModelVersion { get; }

    /// <summary>What is served and why: the blend or one model, and whether lists leave out what the user bought.</summary>
    public ServedChoice Choice { get; }

    /// <summary>Whether lists leave out what the user bought (<see cref="RecommendationOptions.ExcludePurchased"/>, or chosen on validation).</summary>
    public bool ExcludesPurchased => _excludePurchased;

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
        var known = _userIndex.TryGetValue(userId, out var user);
        var purchased = known && _excludePurchased ? _purchased[user] : [];
        var audience = _popular.ToDictionary(entry => entry.Item, entry => entry.Audience);
        var ranked = _blend.Variants?.KeepOnePerProduct(_popular.Select(entry => entry.Item).Where(item => !purchased.Contains(item)), _topN)
            ?? [.. _popular.Select(entry => entry.Item).Where(item => !purchased.Contains(item)).Take(_topN)];
        return [.. ranked.Select(item => ToRecommendation(known ? user : -1, item, audience[item], new Why(Reasons.Popular, ReasonKinds.Popular)))];
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
        return [.. ranked.Select((item, position) => ToRecommendation(user, item, scores[item], Explain(user, item, strongest[position])))];
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

    private Why Explain(int user, int item, string model) => model switch
    {
        "popularity" => _userTopics.TryGetValue(_users[user], out var topic) && _popularByTopic.TryGetValue(topic, out var popular) && popular.Contains(item)
            ? new Why(Reasons.PopularInYourTopic(topic), ReasonKinds.PopularInTopic)
            : new Why(Reasons.Popular, ReasonKinds.Popular),
        "buy-again" => new Why(Reasons.BuyAgain, ReasonKinds.BuyAgain),
        // TIFU-KNN ranks the user's own re-orders and their neighbours' items: say which one this is.
        "tifu-knn" when _purchased[user].Contains(item) => new Why(Reasons.BuyAgain, ReasonKinds.BuyAgain),
        "content" => new Why(Reasons.CloseToYourInterests, ReasonKinds.CloseToInterests),
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
    private Why BecauseOf(int user, int recommended)
    {
        var bought = _purchased[user];
        var evidence = bought.Count > 0 ? bought : (IEnumerable<int>)_interacted[user];
        var closest = evidence.MaxBy(item => _factors.ItemSimilarity(item, recommended));
        var title = _items[closest].Title;
        return bought.Count > 0
            ? new Why(Reasons.BecauseYouBought(title), ReasonKinds.BecauseYouBought, title)
            : new Why(Reasons.BecauseYouViewed(title), ReasonKinds.BecauseYouViewed, title);
    }

    /// <param name="user">The user's number, or -1 for a user the model does not know (who has bought nothing it knows).</param>
    private RecommendedItem ToRecommendation(int user, int item, double score, Why why)
    {
        var entry = _items[item];
        var (timesBought, interval) = user >= 0 && _purchased[user].Contains(item) ? OrderHistory(user, item) : (null, null);
        return new RecommendedItem(entry.ItemId, entry.Title, entry.Price, score, why.Reason, why.Kind, why.ItemTitle, timesBought, interval);
    }

    /// <summary>
    /// How many orders of the item the user placed, and their usual time between two of them. The time between orders
    /// is given from <see cref="OrdersForRhythm"/> orders on: one gap is not a habit, and "you order this every week or
    /// so" from two orders placed a morning apart would tell the reader something untrue.
    /// </summary>
    private (int? Times, TimeSpan? Interval) OrderHistory(int user, int item)
    {
        if (_ordersOf(_users[user], _items[item].ItemId) is not { } orders)
        {
            return (null, null);
        }

        var interval = orders.Count >= OrdersForRhythm ? (orders.Last - orders.First) / (orders.Count - 1) : (TimeSpan?)null;
        return (orders.Count, interval);
    }

    /// <summary>Why an item was picked: the sentence, its kind, and the item it names, if any.</summary>
    private readonly record struct Why(string Reason, string Kind, string? ItemTitle = null);
}
