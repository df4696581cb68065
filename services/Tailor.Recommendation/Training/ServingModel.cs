using System.Text.Json.Serialization;
using Tailor.Contracts;
using Tailor.Training;

namespace Tailor.Recommendation.Training;

/// <summary>
/// What survives a training in the document store: which model serves, what it had seen, and its popularity list,
/// which is all a user identified after the training needs.
/// </summary>
/// <param name="DataEnd">The time of the latest interaction it was trained on: what came after is its held-out slice.</param>
/// <param name="CheckedAt">When the last training ran, if its candidate was not promoted; the age threshold counts from it.</param>
public sealed record ServingModel(
    string ModelVersion,
    DateTimeOffset TrainedAt,
    long EvidenceCount,
    IReadOnlyList<RecommendedItem> Popular,
    DateTimeOffset? DataEnd = null,
    DateTimeOffset? CheckedAt = null)
{
    [JsonIgnore]
    public ModelCheckpoint Checkpoint => new(CheckedAt ?? TrainedAt, EvidenceCount);
}
