using System.Text.Json.Serialization;
using Tailor.Contracts;

namespace Tailor.Embedding.Vectors;

/// <summary>A catalog item's vector, as kept in <c>embedding.items</c>.</summary>
/// <param name="SourceOccurredAt">When the catalog change it was embedded from happened; an older change never overwrites it.</param>
public sealed record ItemVector(
    string ItemId,
    string Model,
    string ModelVersion,
    [property: JsonConverter(typeof(PackedFloatsJsonConverter))] float[] Vector,
    DateTimeOffset SourceOccurredAt);
