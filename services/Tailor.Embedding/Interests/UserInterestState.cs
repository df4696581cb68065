using System.Numerics.Tensors;
using System.Text.Json.Serialization;
using Tailor.Contracts;
using Tailor.Embedding.Model;
using Tailor.Embedding.Vectors;

namespace Tailor.Embedding.Interests;

/// <summary>
/// A user's interests as kept in <c>embedding.users</c>: the sum of their evidence vectors, each weighted and decayed
/// to <paramref name="ReferenceTime"/> (the newest evidence), so new evidence folds in without re-reading their history.
/// Its direction is the recency-weighted mean of the evidence.
/// </summary>
/// <param name="LastUpdateId">The id of the update last folded in; null before the first update.</param>
/// <param name="RecentEventIds">
/// The events whose evidence was folded in most recently (at least <see cref="RecentEventLimit"/> of them, all of the
/// last update's), oldest first: two copies of one event racing on two replicas, or a retry after the state was
/// written, find their event here and count nothing. Null in documents written before it existed.
/// </param>
/// <param name="RecentTextKeys">
/// The cache keys of the texts the user wrote, most recent last (at most <see cref="RecentTextLimit"/>): an erasure
/// removes their vectors from the text caches through them. The events hold the texts too, but in the embedded mode's
/// one store another service's erasure may have deleted them first. Null in documents written before it existed.
/// </param>
public sealed record UserInterestState(
    string Model,
    string ModelVersion,
    [property: JsonConverter(typeof(PackedFloatsJsonConverter))] float[] WeightedSum,
    DateTimeOffset ReferenceTime,
    int EvidenceCount,
    Guid? LastUpdateId = null,
    IReadOnlyList<Guid>? RecentEventIds = null,
    IReadOnlyList<string>? RecentTextKeys = null)
{
    /// <summary>
    /// How many folded-in event ids a state remembers (about 10 kB of JSON at most). A copy of an event is recognised as
    /// long as fewer newer events of the user were folded in between the two copies: copies race within moments (a
    /// redelivery beside the original, a producer's retry), a copy that comes after the original was recorded is
    /// stopped by the event store before it gets here, and a batch that waited while its write lost races asks the
    /// event store again (<see cref="UserInterests.AddManyAsync"/>).
    /// </summary>
    public const int RecentEventLimit = 256;

    /// <summary>
    /// How many texts' cache keys a state remembers (about 4 kB of JSON at most, written with every update of the user):
    /// the shared text cache keeps a vector 30 days, and few users write more than this many texts in that time.
    /// </summary>
    public const int RecentTextLimit = 64;

    /// <summary>A user with no evidence yet, whose vectors will come from <paramref name="model"/>.</summary>
    public static UserInterestState Empty(EmbeddingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(model.Name, model.Version, new float[model.Dimensions], DateTimeOffset.MinValue, 0);
    }

    /// <summary>
    /// Folds in the evidence whose event is not among <see cref="RecentEventIds"/> (nor <paramref name="updateId"/>
    /// the last update, for documents from before the list) and remembers those events. Returns this same instance when
    /// nothing is new, so a caller inside <c>DocumentUpdates.UpdateAsync</c> writes nothing.
    /// </summary>
    public UserInterestState Apply(Guid updateId, IEnumerable<InterestEvidence> evidence, TimeSpan halfLife)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (LastUpdateId == updateId)
        {
            return this;
        }

        var seen = new HashSet<Guid>(RecentEventIds ?? []);
        var fresh = evidence.Where(item => seen.Add(item.EventId)).OrderBy(item => item.OccurredAt).ToList();
        if (fresh.Count == 0)
        {
            return this;
        }

        // A text written again moves to the end rather than being kept twice.
        var typed = fresh.Select(item => item.TextKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return Add(fresh, halfLife) with
        {
            LastUpdateId = updateId,
            RecentEventIds = Recent(RecentEventIds ?? [], [.. fresh.Select(item => item.EventId)], RecentEventLimit),
            RecentTextKeys = typed.Count == 0 ? RecentTextKeys : Recent([.. (RecentTextKeys ?? []).Except(typed, StringComparer.Ordinal)], typed, RecentTextLimit),
        };
    }

    // All that is added, after as many of the newest kept as leave the limit in all; oldest first.
    private static List<T> Recent<T>(IReadOnlyList<T> kept, IReadOnlyList<T> added, int limit) =>
        [.. kept.Skip(Math.Max(0, kept.Count + added.Count - limit)), .. added];

    /// <summary>
    /// Folds evidence in, each weighted by 2^(-age / <paramref name="halfLife"/>) where age is measured by event time from
    /// the newest evidence seen, so late-arriving old events count as little as they would have in order.
    /// </summary>
    public UserInterestState Add(IEnumerable<InterestEvidence> evidence, TimeSpan halfLife)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var sum = (float[])WeightedSum.Clone();
        var reference = ReferenceTime;
        var count = EvidenceCount;
        foreach (var item in evidence)
        {
            if (item.Vector.Length != sum.Length)
            {
                throw new ArgumentException(
                    $"Evidence has {item.Vector.Length} dimensions, the interest vector {sum.Length}.", nameof(evidence));
            }

            if (count == 0)
            {
                reference = item.OccurredAt;
            }

            var weight = item.Weight;
            if (item.OccurredAt > reference)
            {
                // Newer evidence moves the reference time: everything so far ages by the gap.
                TensorPrimitives.Multiply(sum, Decay(item.OccurredAt - reference, halfLife), sum);
                reference = item.OccurredAt;
            }
            else
            {
                weight *= Decay(reference - item.OccurredAt, halfLife);
            }

            TensorPrimitives.MultiplyAdd(item.Vector, (float)weight, sum, sum);
            count++;
        }

        return this with { WeightedSum = sum, ReferenceTime = reference, EvidenceCount = count };
    }

    /// <summary>The interest vector: the recency-weighted mean's direction, unit length so a dot product is a cosine.</summary>
    public float[] Direction()
    {
        var direction = (float[])WeightedSum.Clone();
        VectorMath.Normalize(direction);
        return direction;
    }

    private static float Decay(TimeSpan age, TimeSpan halfLife) => (float)Math.Pow(2, -(age / halfLife));
}
