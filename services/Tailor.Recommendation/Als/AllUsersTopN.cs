using System.Numerics.Tensors;
using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Als;

/// <summary>
/// Every user's top N from ALS factors at once, as a training does before writing each user's recommendations. The
/// item factors are transposed to factor-major rows, so a user's scores for all items are k vector multiply-adds over
/// the whole catalogue instead of one short dot product per item; users are spread over the cores.
/// </summary>
public static class AllUsersTopN
{
    public static int[][] Compute(AlsFactors factors, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var k = factors.Factors;
        var items = factors.ItemCount;
        var byFactor = new float[k * items];
        for (var item = 0; item < items; item++)
        {
            var itemFactors = factors.Item(item);
            for (var f = 0; f < k; f++)
            {
                byFactor[(f * items) + item] = itemFactors[f];
            }
        }

        var result = new int[factors.UserCount][];
        Parallel.For(
            0,
            factors.UserCount,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new float[items],
            (user, _, scores) =>
            {
                Array.Clear(scores);
                var userFactors = factors.User(user);
                for (var f = 0; f < k; f++)
                {
                    TensorPrimitives.MultiplyAdd(byFactor.AsSpan(f * items, items), userFactors[f], scores, scores);
                }

                result[user] = TopItems.Of(scores, count);
                return scores;
            },
            _ => { });
        return result;
    }
}
