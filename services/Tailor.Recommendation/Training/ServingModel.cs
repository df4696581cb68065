using System.Text.Json.Serialization;
using Tailor.Contracts;
using Tailor.Training;

namespace Tailor.Recommendation.Training;

/// <summary>
/// What survives a training in the document store: which model serves, what it had seen, and its popularity list,
/// which is all a user identified after the training needs.
/// </summary>
public sealed record ServingModel(
    string ModelVersion,
    DateTimeOffset TrainedAt,
    long EvidenceCount,
    IReadOnlyList<RecommendedItem> Popular)
{
    [JsonIgnore]
    public ModelCheckpoint Checkpoint => new(TrainedAt, EvidenceCount);
}
