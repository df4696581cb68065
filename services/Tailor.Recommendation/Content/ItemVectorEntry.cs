using System.Text.Json.Serialization;
using Tailor.Contracts;

namespace Tailor.Recommendation.Content;

/// <summary>An item's vector as this service keeps it (<c>recommendation.item-vectors</c>), from <c>ItemEmbedded</c>.</summary>
/// <param name="EmbeddedAt">When Embedding made it; a vector made earlier, arriving late, does not replace a newer one.</param>
public sealed record ItemVectorEntry(
    string ItemId,
    string Model,
    string ModelVersion,
    [property: JsonConverter(typeof(PackedFloatsJsonConverter))] float[] Vector,
    DateTimeOffset EmbeddedAt);
