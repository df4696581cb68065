using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.Embedding.Tests;

/// <summary>Messages as Ingestion publishes them, built from Online Retail lines.</summary>
internal static class TestMessages
{
    public static readonly DateTimeOffset Start = new(2010, 12, 1, 8, 26, 0, TimeSpan.Zero);

    /// <summary>The first 300 lines of the Online Retail file (the morning of 2010-12-01), cancellations and guests included.</summary>
    public static readonly IReadOnlyList<RetailRow> RetailLines = [.. OnlineRetail.Rows().Take(300)];

    public static CatalogItemUpserted CatalogItem(string itemId, string title, string? description = null, DateTimeOffset? occurredAt = null) =>
        new(Guid.NewGuid(), itemId, occurredAt ?? Start, title, description, 2.55m, null);

    public static UserActivityTracked Purchase(RetailRow line) =>
        new(Guid.NewGuid(), line.CustomerId!, new DateTimeOffset(line.InvoiceDate, TimeSpan.Zero), ActivityKinds.Purchase, line.StockCode,
            line.Description.Trim(), line.Quantity, 2.55m, null, new Dictionary<string, string>());

    public static UserActivityTracked Activity(string userId, string activity, string? itemId = null, string? itemName = null, string? text = null) =>
        new(Guid.NewGuid(), userId, Start, activity, itemId, itemName, 1, null, text, new Dictionary<string, string>());

    public static EmailEngaged Click(string userId, string itemId, bool isMachine = false) =>
        new(Guid.NewGuid(), userId, Start.AddDays(1), Guid.NewGuid(), "december", EngagementKind.Click,
            $"https://shop.example/items/{itemId}", itemId, isMachine);
}
