using System.Text.Json.Serialization;

namespace Tailor.Contracts;

/// <summary>
/// A user's interest vector: the recency-weighted mean of the vectors of what they bought, viewed or wrote. It is
/// comparable with the <see cref="ItemEmbedded"/> vectors of the same model and model version only.
/// </summary>
/// <param name="Vector">In JSON, the base64 of its float32 values (<see cref="PackedFloatsJsonConverter"/>).</param>
public record UserInterestsUpdated(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    string Model,
    string ModelVersion,
    [property: JsonConverter(typeof(PackedFloatsJsonConverter))] float[] Vector,
    int EvidenceCount) : IUserEvent;
