using Tailor.ContentGeneration.Copy;
using Tailor.Contracts;
using Tailor.Profiles;

namespace Tailor.Host.Demo.Gallery;

/// <summary>What Tailor held about one customer when it wrote their email: the facts the gallery shows beside it.</summary>
/// <param name="RecentOrders">The latest orders first, at most <see cref="CustomerFactsReader.RecentOrderCount"/>.</param>
/// <param name="OrderCount">Every order Tailor holds for the customer, not only the recent ones.</param>
/// <param name="Recommendations">The recommendations slice's items, each with the recommender's reason.</param>
public sealed record CustomerFacts(
    string UserId,
    string? Country,
    string? Topic,
    IReadOnlyList<PastOrder> RecentOrders,
    int OrderCount,
    IReadOnlyList<RecommendedItem> Recommendations,
    SendTimeSlice? SendTime)
{
    /// <summary>A customer Tailor could not read back: the card says so instead of showing nothing.</summary>
    public static CustomerFacts Unknown(string userId) => new(userId, null, null, [], 0, [], null);

    /// <summary>
    /// Why the recommender picked this item, in the words the email uses for it (so the marketer reads what the customer
    /// read); null when the profile no longer lists it.
    /// </summary>
    public string? ReasonFor(string itemId) =>
        Recommended(itemId) is { } item ? ReasonWords.For(item, Topic) ?? item.Reason : null;

    /// <summary>The item's name as the email writes it.</summary>
    public string? TitleOf(string itemId) =>
        Recommended(itemId) is { Title.Length: > 0 } item ? ProductNames.Natural(item.Title) : null;

    private RecommendedItem? Recommended(string itemId) =>
        Recommendations.FirstOrDefault(item => string.Equals(item.ItemId, itemId, StringComparison.Ordinal));
}

/// <summary>One order: the purchased lines that share an order id.</summary>
public sealed record PastOrder(string OrderId, DateTimeOffset PlacedAt, IReadOnlyList<OrderLine> Lines);

public sealed record OrderLine(string Name, double Quantity);
