using System.Text.Json.Serialization;
using Tailor.Contracts;
using Tailor.Training;

namespace Tailor.Topic.Training;

/// <summary>What survives a training in the document store: which model serves, its topics and coherence, and what evidence trainings have seen.</summary>
/// <param name="EvidenceCount">Events seen by the last training, promoted or not: a rejected candidate saw them too.</param>
/// <param name="CheckedAt">When the last training ran, if its candidate was not promoted; the age threshold counts from it.</param>
public sealed record TopicServingModel(
    string ModelVersion,
    DateTimeOffset TrainedAt,
    long EvidenceCount,
    int Documents,
    IReadOnlyList<TopicSummary> Topics,
    double? Coherence = null,
    DateTimeOffset? CheckedAt = null)
{
    [JsonIgnore]
    public ModelCheckpoint Checkpoint => new(CheckedAt ?? TrainedAt, EvidenceCount);
}
