using System.Numerics.Tensors;
using Tailor.Embedding.Model;
using Tailor.Embedding.Vectors;

namespace Tailor.Embedding.Interests;

/// <summary>
/// A user's interests as kept in <c>embedding.users</c>: the sum of their evidence vectors, each weighted and decayed
/// to <paramref name="ReferenceTime"/> (the newest evidence), so new evidence folds in without re-reading their history.
/// Its direction is the recency-weighted mean of the evidence.
/// </summary>
/// <param name="LastUpdateId">
/// The id of the update last folded in, so a retry of that update (its state was written, a later step failed) does
/// not count its evidence twice. Null before the first update.
/// </param>
public sealed record UserInterestState(
    string Model, string ModelVersion, float[] WeightedSum, DateTimeOffset ReferenceTime, int EvidenceCount, Guid? LastUpdateId = null)
{
    /// <summary>A user with no evidence yet, whose vectors will come from <paramref name="model"/>.</summary>
    public static UserInterestState Empty(EmbeddingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(model.Name, model.Version, new float[model.Dimensions], DateTimeOffset.MinValue, 0);
    }

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
