using System.Numerics.Tensors;

namespace Tailor.Recommendation.Scoring;

/// <summary>
/// Content similarity: a user's vector is the recency-weighted mean of the vectors of the items they took (as the
/// Embedding service builds it); an item scores the cosine of its vector with the user's. Items no one has taken
/// score as well as any, which is what this model is for. Items without a vector score lowest.
/// </summary>
public sealed class ContentScorer : IItemScorer
{
    private readonly TrainingSet _set;
    private readonly float[]?[] _vectors;
    private readonly TimeSpan _halfLife;
    private readonly int _dimensions;

    /// <param name="itemVectors">Unit-length vectors by item id, all of one model.</param>
    public ContentScorer(TrainingSet set, IReadOnlyDictionary<string, float[]> itemVectors, TimeSpan halfLife)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(itemVectors);
        _set = set;
        _halfLife = halfLife;
        _vectors = [.. set.Items.Select(item => itemVectors.GetValueOrDefault(item))];
        _dimensions = itemVectors.Values.FirstOrDefault()?.Length ?? 0;
    }

    public string Name => "content";

    /// <summary>The cosine of two items' vectors; null when either has none.</summary>
    public float? Similarity(int first, int second) =>
        _vectors[first] is { } a && _vectors[second] is { } b ? TensorPrimitives.Dot(a, b) : null;

    public void Score(int user, Span<float> scores)
    {
        scores.Clear();
        if (user < 0 || _dimensions == 0)
        {
            return;
        }

        var profile = new float[_dimensions];
        foreach (var item in _set.ByUser[user])
        {
            if (_vectors[item.Item] is { } vector)
            {
                var weight = (float)(item.Occasions * Math.Pow(2, -((_set.End - item.Last) / _halfLife)));
                TensorPrimitives.MultiplyAdd(vector, weight, profile, profile);
            }
        }

        for (var item = 0; item < scores.Length; item++)
        {
            scores[item] = _vectors[item] is { } vector ? TensorPrimitives.Dot(vector, profile) : float.MinValue;
        }
    }
}
