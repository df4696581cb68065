using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Training;

/// <summary>Everything the recommender learns from, gathered from the service's stream before a training.</summary>
public sealed class InteractionSet
{
    private readonly Dictionary<string, Dictionary<string, double>> _weights = new(StringComparer.Ordinal);
    // Each user's purchased items and their orders of each (an item on two lines of one order, which Online Retail has
    // many of, is one order of it).
    private readonly Dictionary<string, Dictionary<string, ItemOrders>> _purchased = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, decimal Price)> _namedByActivity = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownUsers = new(StringComparer.Ordinal);
    private readonly List<Interaction> _timeline = [];
    private readonly List<bool> _isPurchase = [];
    private readonly Dictionary<string, Dictionary<string, List<Showing>>> _shown = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, DateTimeOffset> _opened = [];
    private readonly Dictionary<string, Dictionary<string, List<DateTimeOffset>>> _emailClicks = new(StringComparer.Ordinal);
    private readonly Dictionary<(string UserId, string ItemId), DateTimeOffset> _lastTouched = [];

    /// <summary>Every user the service heard of: identified, or with any interaction.</summary>
    public IReadOnlyCollection<string> KnownUsers => _knownUsers;

    /// <summary>Users with at least one interaction, and the summed weight of each item they touched.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, double>> Weights => _weights;

    public void AddKnownUser(string userId) => _knownUsers.Add(userId);

    public void Add(string userId, string itemId, double weight, DateTimeOffset occurredAt, bool purchased)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        if (weight <= 0)
        {
            return;
        }

        _knownUsers.Add(userId);
        if (!_weights.TryGetValue(userId, out var items))
        {
            _weights[userId] = items = new Dictionary<string, double>(StringComparer.Ordinal);
        }

        items[itemId] = items.GetValueOrDefault(itemId) + weight;
        if (purchased)
        {
            if (!_purchased.TryGetValue(userId, out var bought))
            {
                _purchased[userId] = bought = new Dictionary<string, ItemOrders>(StringComparer.Ordinal);
            }

            bought[itemId] = bought.TryGetValue(itemId, out var orders) ? orders.With(occurredAt) : ItemOrders.Of(occurredAt);
        }

        _timeline.Add(new Interaction(userId, itemId, occurredAt, weight));
        _isPurchase.Add(purchased);
        if (!_lastTouched.TryGetValue((userId, itemId), out var last) || occurredAt > last)
        {
            _lastTouched[(userId, itemId)] = occurredAt;
        }
    }

    /// <summary>The time of the latest interaction; null when there is none.</summary>
    public DateTimeOffset? DataEnd => _timeline.Count == 0 ? null : _timeline.Max(interaction => interaction.At);

    /// <summary>Every interaction added, in the order added, with its own weight.</summary>
    public IReadOnlyList<Interaction> Interactions => _timeline;

    /// <summary>Records that an email (<paramref name="emailId"/>, when known) showed the user the item.</summary>
    public void AddShown(string userId, string itemId, DateTimeOffset shownAt, Guid? emailId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        Append(_shown, userId, itemId, new Showing(shownAt, emailId));
    }

    /// <summary>Records that a person opened (or clicked in) the email; the first time is kept.</summary>
    public void AddOpened(Guid emailId, DateTimeOffset openedAt)
    {
        if (!_opened.TryGetValue(emailId, out var first) || openedAt < first)
        {
            _opened[emailId] = openedAt;
        }
    }

    /// <summary>Records a person's click on the item in an email (besides its weight as an interaction).</summary>
    public void AddEmailClick(string userId, string itemId, DateTimeOffset clickedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        Append(_emailClicks, userId, itemId, clickedAt);
    }

    /// <summary>The items the user clicked in emails, with how many times.</summary>
    public IEnumerable<(string ItemId, int Times)> ClickedItems(string userId) =>
        _emailClicks.TryGetValue(userId, out var items) ? items.Select(item => (item.Key, item.Value.Count)) : [];

    /// <summary>
    /// How many times an email the user opened showed them the item with nothing from them about it afterwards (no
    /// click, view or purchase at or after the showing): a weak sign they do not want it. An email nobody opened showed
    /// nothing, so it does not count; a showing recorded without its email id counts, as it did before ids were kept.
    /// </summary>
    public int IgnoredCount(string userId, string itemId) =>
        _shown.TryGetValue(userId, out var items) && items.TryGetValue(itemId, out var times) ? Ignored(userId, itemId, times) : 0;

    /// <summary>The items shown to the user and ignored at least once, with how many times (see <see cref="IgnoredCount"/>).</summary>
    public IEnumerable<(string ItemId, int Times)> IgnoredItems(string userId) =>
        _shown.TryGetValue(userId, out var items)
            ? items.Select(item => (item.Key, Ignored(userId, item.Key, item.Value))).Where(item => item.Item2 > 0)
            : [];

    private int Ignored(string userId, string itemId, List<Showing> showings)
    {
        var lastTouched = _lastTouched.TryGetValue((userId, itemId), out var last) ? last : DateTimeOffset.MinValue;
        return showings.Count(showing => showing.At > lastTouched && (showing.EmailId is not { } emailId || _opened.ContainsKey(emailId)));
    }

    /// <summary>A copy holding only what happened at or before <paramref name="end"/> (known users and item names kept).</summary>
    public InteractionSet Before(DateTimeOffset end)
    {
        var earlier = new InteractionSet();
        foreach (var userId in _knownUsers)
        {
            earlier.AddKnownUser(userId);
        }

        foreach (var (itemId, named) in _namedByActivity)
        {
            earlier._namedByActivity[itemId] = named;
        }

        foreach (var (userId, items) in _shown)
        {
            foreach (var (itemId, showings) in items)
            {
                foreach (var showing in showings.Where(showing => showing.At <= end))
                {
                    earlier.AddShown(userId, itemId, showing.At, showing.EmailId);
                }
            }
        }

        foreach (var (emailId, openedAt) in _opened.Where(open => open.Value <= end))
        {
            earlier.AddOpened(emailId, openedAt);
        }

        foreach (var (userId, items) in _emailClicks)
        {
            foreach (var (itemId, times) in items)
            {
                foreach (var clickedAt in times.Where(clickedAt => clickedAt <= end))
                {
                    earlier.AddEmailClick(userId, itemId, clickedAt);
                }
            }
        }

        for (var index = 0; index < _timeline.Count; index++)
        {
            var interaction = _timeline[index];
            if (interaction.At <= end)
            {
                earlier.Add(interaction.UserId, interaction.ItemId, interaction.Weight, interaction.At, _isPurchase[index]);
            }
        }

        return earlier;
    }

    /// <summary>The name and price an activity carried, used when the catalog has not (yet) described the item.</summary>
    public void NoteItem(string itemId, string? name, decimal? price)
    {
        if (!string.IsNullOrWhiteSpace(name) && price is { } known)
        {
            _namedByActivity[itemId] = (name.Trim(), known);
        }
    }

    public bool HasPurchased(string userId, string itemId) => _purchased.TryGetValue(userId, out var bought) && bought.ContainsKey(itemId);

    /// <summary>The user's orders of the item, however many of an order's lines name it; null when never bought.</summary>
    public ItemOrders? OrdersOf(string userId, string itemId) =>
        _purchased.TryGetValue(userId, out var bought) && bought.TryGetValue(itemId, out var orders) ? orders : null;

    public bool TryGetActivityName(string itemId, out (string Name, decimal Price) named) => _namedByActivity.TryGetValue(itemId, out named);

    /// <summary>How many distinct users touched each item within <paramref name="window"/> before the latest interaction.</summary>
    public IReadOnlyDictionary<string, int> RecentAudience(TimeSpan window)
    {
        if (_timeline.Count == 0)
        {
            return new Dictionary<string, int>();
        }

        var since = _timeline.Max(entry => entry.At) - window;
        return _timeline
            .Where(entry => entry.At >= since)
            .GroupBy(entry => entry.ItemId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(entry => entry.UserId).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
    }

    private static void Append<T>(Dictionary<string, Dictionary<string, List<T>>> byUser, string userId, string itemId, T entry)
    {
        if (!byUser.TryGetValue(userId, out var items))
        {
            byUser[userId] = items = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        }

        if (!items.TryGetValue(itemId, out var entries))
        {
            items[itemId] = entries = [];
        }

        entries.Add(entry);
    }

    private readonly record struct Showing(DateTimeOffset At, Guid? EmailId);
}
