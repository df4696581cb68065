using Tailor.Recommendation.Als;

namespace Tailor.Recommendation.Scoring;

/// <summary>Implicit-feedback ALS on a training set: scores are the dot products of the user's and each item's factors.</summary>
public sealed class AlsScorer : IItemScorer
{
    private const double Bm25K1 = 100;
    private const double Bm25B = 0.8;

    private readonly AlsFactors _factors;

    public AlsScorer(TrainingSet set, AlsParameters parameters, ConfidenceScaling scaling, double alpha, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var matrix = InteractionMatrix.FromCells(set.Users.Count, set.Items.Count, Cells(set, scaling, alpha));
        _factors = ImplicitAls.Fit(matrix, parameters, cancellationToken);
        CellCount = matrix.NonZeroCount;
    }

    public string Name => "als";

    /// <summary>The fitted factors, in the training set's user and item numbering.</summary>
    public AlsFactors Factors => _factors;

    /// <summary>The user × item cells it was fitted on.</summary>
    public int CellCount { get; }

    public void Score(int user, Span<float> scores)
    {
        if (user < 0)
        {
            scores.Clear();
            return;
        }

        for (var item = 0; item < scores.Length; item++)
        {
            scores[item] = _factors.Score(user, item);
        }
    }

    /// <summary>The confidence of every observed cell.</summary>
    public static IEnumerable<(int Row, int Column, float Value)> Cells(TrainingSet set, ConfidenceScaling scaling, double alpha)
    {
        ArgumentNullException.ThrowIfNull(set);
        var users = set.ByUser.Count;
        var takenBy = new int[set.Items.Count];
        foreach (var item in set.ByUser.SelectMany(user => user))
        {
            takenBy[item.Item]++;
        }

        var averageLength = set.ByUser.Average(user => user.Sum(item => item.Weight));
        for (var user = 0; user < users; user++)
        {
            var length = set.ByUser[user].Sum(item => item.Weight);
            foreach (var item in set.ByUser[user])
            {
                var weight = scaling switch
                {
                    ConfidenceScaling.Linear => item.Weight,
                    ConfidenceScaling.Log => Math.Log(1 + item.Weight),
                    _ => item.Weight * (Bm25K1 + 1) / ((Bm25K1 * (1 - Bm25B + (Bm25B * length / averageLength))) + item.Weight)
                        * Math.Log((double)users / takenBy[item.Item]),
                };
                yield return (user, item.Item, (float)(1 + (alpha * weight)));
            }
        }
    }
}
