using System.Text.Json.Serialization;
using Tailor.Contracts;
using Tailor.Training;

namespace Tailor.Topic.Training;

/// <summary>What survives a training in the document store: which model serves, what it had seen, and its topics.</summary>
public sealed record TopicServingModel(
    string ModelVersion,
    DateTimeOffset TrainedAt,
    long EvidenceCount,
    int Documents,
    IReadOnlyList<TopicSummary> Topics)
{
    [JsonIgnore]
    public ModelCheckpoint Checkpoint => new(TrainedAt, EvidenceCount);
}
