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
/// <param name="ServingSince">
/// When it began serving (promoted, or rolled back to), so a rollback asked for before then is known to be about
/// another model; null in documents written before it was kept, read as <paramref name="TrainedAt"/>.
/// </param>
public sealed record ServingModel(
    string ModelVersion,
    DateTimeOffset TrainedAt,
    long EvidenceCount,
    IReadOnlyList<RecommendedItem> Popular,
    DateTimeOffset? DataEnd = null,
    DateTimeOffset? CheckedAt = null,
    DateTimeOffset? ServingSince = null)
{
    [JsonIgnore]
    public DateTimeOffset Since => ServingSince ?? TrainedAt;

    [JsonIgnore]
    public ModelCheckpoint Checkpoint => new(CheckedAt ?? TrainedAt, EvidenceCount);
}
