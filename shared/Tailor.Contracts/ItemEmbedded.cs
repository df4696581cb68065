namespace Tailor.Contracts;

/// <summary>A catalog item's text vector. Vectors of different <paramref name="Model"/>s are never compared.</summary>
public record ItemEmbedded(Guid EventId, string ItemId, DateTimeOffset OccurredAt, string Model, float[] Vector);
