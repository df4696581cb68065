namespace Tailor.Contracts;

public record RecommendedItem(string ItemId, string Title, decimal Price, double Score, string Reason);

/// <summary>The items to show a user, best first.</summary>
public record RecommendationsUpdated(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    string ModelVersion,
    IReadOnlyList<RecommendedItem> Items);
