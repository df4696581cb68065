using Tailor.Recommendation.Catalog;

namespace Tailor.Recommendation.Scoring;

/// <summary>
/// A weighted sum of other models' scores, each scaled to [0, 1] per user first (a popularity count and an ALS dot
/// product are not on one scale), with one set of weights per <see cref="UserSegment"/>. Its lists are re-ranked for
/// diversity (<see cref="DiversityReranking"/>) when <paramref name="diversity"/> is below 1.
/// </summary>
/// <param name="diversity">MMR's λ: 1 ranks by score alone; lower trades relevance for variety.</param>
/// <param name="variants">
/// The items' product families: a list keeps one variant of each product (colour, size, pack count). The same filter
/// serves and is evaluated, so the offline numbers score the lists customers see.
/// </param>
public sealed class BlendScorer(
    TrainingSet set, IReadOnlyList<IItemScorer> components, IReadOnlyDictionary<UserSegment, double[]> weights, double diversity = 1, ProductFamilies? variants = null)
    : IItemRanker
{
    // MMR chooses among this many times the list's length of the best-scored items.
    private const int CandidatesPerSlot = 5;

    public string Name => "blend";

    public IReadOnlyList<IItemScorer> Components => components;

    /// <summary>The training set the components were trained on: its numbering is theirs.</summary>
    public TrainingSet Set => set;

    public IReadOnlyDictionary<UserSegment, double[]> Weights => weights;

    /// <summary>The product families a ranking keeps one variant of; null when the titles were not known.</summary>
    public ProductFamilies? Variants => variants;

    public void Score(int user, Span<float> scores) => Score(user, scores, parts: null);

    /// <summary>
    /// Scores as <see cref="Score(int, Span{float})"/> does and hands back each model's scaled scores (null for a model
    /// the user's segment does not weigh), so a pick can be explained without scoring every model again.
    /// </summary>
    public float[]?[] ScoreWithParts(int user, Span<float> scores)
    {
        var parts = new float[]?[components.Count];
        Score(user, scores, parts);
        return parts;
    }

    /// <summary>The weights the blend gives each model for this user.</summary>
    public double[] WeightsFor(int user) => weights[UserSegments.Of(set, user)];

    private void Score(int user, Span<float> scores, float[]?[]? parts)
    {
        ArgumentNullException.ThrowIfNull(set);
        var segmentWeights = WeightsFor(user);
        scores.Clear();
        var scratch = parts is null ? new float[scores.Length] : null;
        for (var c = 0; c < components.Count; c++)
        {
            if (segmentWeights[c] == 0)
            {
                continue;
            }

            var component = scratch ?? new float[scores.Length];
            components[c].Score(user, component);
            Normalize(component);
            if (parts is not null)
            {
                parts[c] = component;
            }

            for (var item = 0; item < scores.Length; item++)
            {
                scores[item] += (float)(segmentWeights[c] * component[item]);
            }
        }
    }

    public int[] Rank(int user, int count, Func<int, bool>? exclude)
    {
        var scores = new float[set.Items.Count];
        Score(user, scores);
        return Rank(scores, count, exclude);
    }

    /// <summary>Ranks scores this blend produced (and a caller may have adjusted), with the same diversity.</summary>
    public int[] Rank(float[] scores, int count, Func<int, bool>? exclude)
    {
        if (diversity >= 1 && variants is null)
        {
            return TopItems.Of(scores, count, exclude);
        }

        var candidates = TopItems.Of(scores, count * CandidatesPerSlot, exclude);
        return DiversityReranking.Select(candidates, scores, Similarity, count, diversity, variants);
    }

    /// <summary>How alike two items are: their text vectors' cosine when the content model has them, else their ALS factors'.</summary>
    public float Similarity(int first, int second)
    {
        if (components.OfType<ContentScorer>().FirstOrDefault() is { } content && content.Similarity(first, second) is { } textual)
        {
            return textual;
        }

        return components.OfType<AlsScorer>().FirstOrDefault()?.Factors.ItemSimilarity(first, second) ?? 0;
    }

    /// <summary>Min-max scaling to [0, 1] in place; a model that cannot score an item (its lowest float) gives it 0.</summary>
    public static void Normalize(Span<float> scores)
    {
        var min = float.MaxValue;
        var max = float.MinValue;
        foreach (var score in scores)
        {
            if (score > float.MinValue)
            {
                min = Math.Min(min, score);
                max = Math.Max(max, score);
            }
        }

        var range = max - min;
        for (var item = 0; item < scores.Length; item++)
        {
            scores[item] = scores[item] == float.MinValue || range <= 0 ? 0 : (scores[item] - min) / range;
        }
    }
}
