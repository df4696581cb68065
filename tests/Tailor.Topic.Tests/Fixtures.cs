using Tailor.Contracts;

namespace Tailor.Topic.Tests;

/// <summary>Small, readable messages for tests.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Start = new(2011, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static UserActivityTracked Purchase(string userId, string itemId, string? name) =>
        new(Guid.NewGuid(), userId, Start, ActivityKinds.Purchase, itemId, name, 1, 2.5m, null, new Dictionary<string, string>());

    public static UserActivityTracked Wrote(string userId, string text) =>
        new(Guid.NewGuid(), userId, Start, ActivityKinds.Text, null, null, 0, null, text, new Dictionary<string, string>());

    public static EmailEngaged Opened(string userId) =>
        new(Guid.NewGuid(), userId, Start, Guid.NewGuid(), "spring-sale", EngagementKind.Open, null, null, IsMachineOpen: false);

    public static CatalogItemUpserted CatalogItem(string itemId, string title) =>
        new(Guid.NewGuid(), itemId, Start, title, null, 2.5m, null);

    /// <summary>Garden shoppers and kitchen shoppers: two vocabularies with nothing in common.</summary>
    public static IEnumerable<UserActivityTracked> TwoInterests()
    {
        string[] garden = ["GARDEN FLOWER POT", "GARDEN SEED TIN", "FLOWER WATERING CAN", "SEED TRAY GARDEN", "TERRACOTTA FLOWER POT"];
        string[] kitchen = ["KITCHEN CAKE TIN", "BAKING CAKE CASES", "KITCHEN APRON BAKING", "CAKE STAND KITCHEN", "BAKING SPOON SET"];
        for (var user = 0; user < 40; user++)
        {
            var names = user % 2 == 0 ? garden : kitchen;
            for (var pick = 0; pick < 6; pick++)
            {
                var name = names[(user + pick) % names.Length];
                yield return Purchase($"u{user:D2}", name.Replace(' ', '-'), name);
            }
        }
    }
}
