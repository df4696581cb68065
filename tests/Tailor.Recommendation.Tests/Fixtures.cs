using Tailor.Contracts;

namespace Tailor.Recommendation.Tests;

/// <summary>Small, readable messages for tests.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Start = new(2011, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static UserActivityTracked Purchase(string userId, string itemId, double quantity = 1, int day = 0, string? name = null, decimal price = 2.5m) =>
        new(Guid.NewGuid(), userId, Start.AddDays(day), ActivityKinds.Purchase, itemId, name ?? $"Item {itemId}", quantity, price, null,
            new Dictionary<string, string>());

    public static UserActivityTracked View(string userId, string itemId, int day = 0) =>
        new(Guid.NewGuid(), userId, Start.AddDays(day), ActivityKinds.View, itemId, $"Item {itemId}", 1, 2.5m, null, new Dictionary<string, string>());

    public static EmailEngaged Clicked(string userId, string itemId) =>
        new(Guid.NewGuid(), userId, Start, Guid.NewGuid(), "spring-sale", EngagementKind.Click, $"https://shop.example/items/{itemId}", itemId, IsMachineOpen: false);

    public static CatalogItemUpserted CatalogItem(string itemId, string title, decimal price = 2.5m) =>
        new(Guid.NewGuid(), itemId, Start, title, null, price, null);

    public static UserIdentified Identified(string userId) =>
        new(Guid.NewGuid(), userId, Start, $"{userId}@example.com", null, null, null, true, new Dictionary<string, string>());
}
