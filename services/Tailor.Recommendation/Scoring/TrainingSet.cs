namespace Tailor.Recommendation.Scoring;

/// <summary>
/// Interactions indexed for training: users and items numbered in ordinal order (so a run is repeatable), and for each
/// user their items with summed weight, number of occasions and last time, and their baskets in time order.
/// </summary>
public sealed class TrainingSet
{
    private TrainingSet(string[] users, string[] items, UserItem[][] byUser, int[][][] baskets, DateTimeOffset end, int interactions)
    {
        Users = users;
        Items = items;
        ByUser = byUser;
        Baskets = baskets;
        End = end;
        InteractionCount = interactions;
        UserIndex = Index(users);
        ItemIndex = Index(items);
    }

    public IReadOnlyList<string> Users { get; }

    public IReadOnlyList<string> Items { get; }

    public IReadOnlyDictionary<string, int> UserIndex { get; }

    public IReadOnlyDictionary<string, int> ItemIndex { get; }

    /// <summary>Each user's items, by item number.</summary>
    public IReadOnlyList<UserItem[]> ByUser { get; }

    /// <summary>
    /// Each user's baskets, oldest first: the distinct items of each moment they interacted (an order's lines share
    /// its invoice time). Next-basket models read the order of baskets, which <see cref="ByUser"/> sums away.
    /// </summary>
    public IReadOnlyList<int[][]> Baskets { get; }

    /// <summary>The latest interaction: "recent" and "how long ago" are measured from here.</summary>
    public DateTimeOffset End { get; }

    /// <summary>The interactions read (before summing per user and item).</summary>
    public int InteractionCount { get; }

    /// <summary>The user's number, or -1 for a user the set does not hold.</summary>
    public int UserNumber(string userId) => UserIndex.TryGetValue(userId, out var user) ? user : -1;

    /// <param name="items">Every item that may be recommended; items only in <paramref name="interactions"/> are added.</param>
    public static TrainingSet From(IEnumerable<Interaction> interactions, IEnumerable<string>? items = null)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var list = interactions.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A training set needs at least one interaction.", nameof(interactions));
        }

        var itemIds = list.Select(interaction => interaction.ItemId).Concat(items ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var userIds = list.Select(interaction => interaction.UserId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var itemIndex = Index(itemIds);
        var userIndex = Index(userIds);
        var users = list.GroupBy(interaction => userIndex[interaction.UserId]).OrderBy(user => user.Key).ToList();
        var byUser = users
            .Select(user => user
                .GroupBy(interaction => itemIndex[interaction.ItemId])
                .Select(item => new UserItem(item.Key, item.Sum(i => i.Weight), item.Count(), item.Max(i => i.At), item.Min(i => i.At)))
                .OrderBy(item => item.Item)
                .ToArray())
            .ToArray();
        var baskets = users
            .Select(user => user
                .GroupBy(interaction => interaction.At)
                .OrderBy(basket => basket.Key)
                .Select(basket => basket.Select(interaction => itemIndex[interaction.ItemId]).Distinct().Order().ToArray())
                .ToArray())
            .ToArray();
        return new TrainingSet(userIds, itemIds, byUser, baskets, list.Max(interaction => interaction.At), list.Count);
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> ids)
    {
        var index = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            index[ids[i]] = i;
        }

        return index;
    }
}
