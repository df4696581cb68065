using Tailor.Recommendation.Evaluation;

namespace Tailor.Recommendation.Scoring;

/// <summary>
/// Fits the blend's weights on a validation split: for each user segment, coordinate ascent over a grid of weights,
/// starting from the best single model, keeping a change only when it raises mean NDCG@10 summed over both protocols.
/// </summary>
public static class BlendWeights
{
    private static readonly double[] Grid = [0, 0.1, 0.25, 0.5, 1, 2, 4];
    private const int Passes = 3;

    /// <param name="train">The training data before the validation period; the components were fitted on it.</param>
    /// <param name="validation">The validation period's interactions.</param>
    /// <param name="usersPerSegment">A deterministic sample bounds the cost on large data.</param>
    /// <param name="excludeTaken">Whether the served lists leave out what the user took before, under the <c>all</c> protocol too.</param>
    public static Dictionary<UserSegment, double[]> Fit(
        TrainingSet train, IReadOnlyList<Interaction> validation, IReadOnlyList<IItemScorer> components, int usersPerSegment = 800, bool excludeTaken = false)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(components);
        var protocols = Enum.GetValues<EvaluationProtocol>()
            .Select(protocol => TestTargets.For(train, validation, protocol))
            .Select((targets, protocol) => excludeTaken && protocol == (int)EvaluationProtocol.All ? TestTargets.ExcludingTaken(train, targets) : targets)
            .ToList();
        var weights = new Dictionary<UserSegment, double[]>();
        foreach (var segment in Enum.GetValues<UserSegment>())
        {
            var targets = protocols
                .Select(targets => Sample(targets.Where(target => UserSegments.Of(train, target.User) == segment).ToList(), usersPerSegment))
                .ToList();
            weights[segment] = targets.Sum(list => list.Count) == 0
                ? [.. components.Select(component => component is PopularityScorer ? 1.0 : 0.0)]
                : Ascend(train, components, targets);
        }

        return weights;
    }

    /// <summary>
    /// The weights <c>eval recommend</c> fitted on the shared Online Retail data (docs/models.md), for a training whose
    /// data is too short to hold out a validation period. A model that is not among <paramref name="components"/> is
    /// left out.
    /// </summary>
    public static Dictionary<UserSegment, double[]> Defaults(IReadOnlyList<IItemScorer> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var found = new Dictionary<UserSegment, Dictionary<string, double>>
        {
            [UserSegment.New] = new() { ["popularity"] = 1 },
            [UserSegment.Light] = new() { ["popularity"] = 0.1, ["buy-again"] = 4, ["item-knn"] = 0.25, ["content"] = 0, ["als"] = 1 },
            [UserSegment.Heavy] = new() { ["popularity"] = 0.25, ["buy-again"] = 0.5, ["item-knn"] = 0.1, ["content"] = 0.25, ["als"] = 0.5 },
        };
        return found.ToDictionary(
            segment => segment.Key,
            segment => components.Select(component => segment.Value.GetValueOrDefault(component.Name)).ToArray());
    }

    private static double[] Ascend(TrainingSet train, IReadOnlyList<IItemScorer> components, List<List<TestTarget>> targetsByProtocol)
    {
        // Each user's normalised scores from each model, computed once: the search only recombines them.
        var cache = new Dictionary<int, float[][]>();
        foreach (var user in targetsByProtocol.SelectMany(list => list).Select(target => target.User).Distinct())
        {
            cache[user] = [.. components.Select(component =>
            {
                var scores = new float[train.Items.Count];
                component.Score(user, scores);
                BlendScorer.Normalize(scores);
                return scores;
            })];
        }

        var best = new double[components.Count];
        var bestValue = double.NegativeInfinity;
        for (var c = 0; c < components.Count; c++)
        {
            var single = new double[components.Count];
            single[c] = 1;
            var value = Value(single, cache, targetsByProtocol, train.Items.Count);
            if (value > bestValue)
            {
                (best, bestValue) = (single, value);
            }
        }

        for (var pass = 0; pass < Passes; pass++)
        {
            var improved = false;
            for (var c = 0; c < components.Count; c++)
            {
                foreach (var weight in Grid)
                {
                    var candidate = (double[])best.Clone();
                    candidate[c] = weight;
                    if (candidate.All(w => w == 0))
                    {
                        continue;
                    }

                    var value = Value(candidate, cache, targetsByProtocol, train.Items.Count);
                    if (value > bestValue + 1e-9)
                    {
                        (best, bestValue, improved) = (candidate, value, true);
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return best;
    }

    private static double Value(double[] weights, Dictionary<int, float[][]> cache, List<List<TestTarget>> targetsByProtocol, int items)
    {
        var total = 0.0;
        foreach (var targets in targetsByProtocol.Where(list => list.Count > 0))
        {
            var sum = 0.0;
            var combined = new float[items];
            foreach (var target in targets)
            {
                Array.Clear(combined);
                var scores = cache[target.User];
                for (var c = 0; c < weights.Length; c++)
                {
                    if (weights[c] == 0)
                    {
                        continue;
                    }

                    var weight = (float)weights[c];
                    var component = scores[c];
                    for (var item = 0; item < items; item++)
                    {
                        combined[item] += weight * component[item];
                    }
                }

                var ranked = TopItems.Of(combined, OfflineEvaluation.K, target.Excluded.Count == 0 ? null : target.Excluded.Contains);
                sum += RankingMetrics.Ndcg(ranked, target.Relevant, OfflineEvaluation.K);
            }

            total += sum / targets.Count;
        }

        return total;
    }

    private static List<TestTarget> Sample(List<TestTarget> targets, int limit)
    {
        if (targets.Count <= limit)
        {
            return targets;
        }

        var step = targets.Count / (double)limit;
        return [.. Enumerable.Range(0, limit).Select(i => targets[(int)(i * step)])];
    }
}
