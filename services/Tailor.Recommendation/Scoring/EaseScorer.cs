using System.Numerics;

namespace Tailor.Recommendation.Scoring;

/// <summary>
/// EASE (Steck 2019): a linear item-item model fitted in closed form, ridge regression of each item's column on the
/// others with a zero diagonal: B = I − P·diagMat(1/diag(P)), P = (XᵀX + λI)⁻¹ over binary user × item data. A user's
/// score for an item is the sum of its row weights over the items they took. The inverse is exact; it costs n³, so the
/// model is fitted over the <see cref="MaxItems"/> items most users took, and gives the others no score (the lowest
/// float, which the blend reads as "cannot score").
/// </summary>
public sealed class EaseScorer : IItemScorer
{
    /// <summary>The most items fitted: 2,000² doubles is 32 MB, and the inverse a few seconds on two cores.</summary>
    public const int MaxItems = 2_000;

    private readonly TrainingSet _set;
    private readonly int[] _position;
    private readonly int[] _items;
    private readonly float[] _weights;

    public EaseScorer(TrainingSet set, double lambda, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        _set = set;
        var takenBy = new int[set.Items.Count];
        foreach (var item in set.ByUser.SelectMany(user => user))
        {
            takenBy[item.Item]++;
        }

        _items = [.. Enumerable.Range(0, set.Items.Count).Where(item => takenBy[item] > 0).OrderByDescending(item => takenBy[item]).ThenBy(item => item).Take(MaxItems).Order()];
        _position = Enumerable.Repeat(-1, set.Items.Count).ToArray();
        for (var p = 0; p < _items.Length; p++)
        {
            _position[_items[p]] = p;
        }

        var n = _items.Length;
        var gram = new double[n * n];
        foreach (var user in set.ByUser)
        {
            var taken = user.Select(item => _position[item.Item]).Where(p => p >= 0).ToArray();
            foreach (var a in taken)
            {
                foreach (var b in taken)
                {
                    gram[(a * n) + b]++;
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            gram[(i * n) + i] += lambda;
        }

        Invert(gram, n, cancellationToken);
        _weights = new float[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                _weights[(i * n) + j] = i == j ? 0 : (float)(-gram[(i * n) + j] / gram[(j * n) + j]);
            }
        }
    }

    public string Name => "ease";

    /// <summary>How many items the model was fitted over (at most <see cref="MaxItems"/>).</summary>
    public int FittedItems => _items.Length;

    public void Score(int user, Span<float> scores)
    {
        if (user < 0)
        {
            scores.Clear();
            return;
        }

        scores.Fill(float.MinValue);
        var n = _items.Length;
        var sum = new float[n];
        foreach (var taken in _set.ByUser[user])
        {
            var p = _position[taken.Item];
            if (p >= 0)
            {
                var row = _weights.AsSpan(p * n, n);
                for (var j = 0; j < n; j++)
                {
                    sum[j] += row[j];
                }
            }
        }

        for (var j = 0; j < n; j++)
        {
            scores[_items[j]] = sum[j];
        }
    }

    /// <summary>In-place Gauss-Jordan inverse of a symmetric positive definite matrix (λ > 0 keeps every pivot positive).</summary>
    private static void Invert(double[] a, int n, CancellationToken cancellationToken)
    {
        var width = Vector<double>.Count;
        for (var k = 0; k < n; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pivot = a[(k * n) + k];
            a[(k * n) + k] = 1;
            var pivotRow = a.AsSpan(k * n, n);
            for (var j = 0; j < n; j++)
            {
                pivotRow[j] /= pivot;
            }

            Parallel.For(0, n, i =>
            {
                if (i == k)
                {
                    return;
                }

                var row = a.AsSpan(i * n, n);
                var factor = row[k];
                if (factor == 0)
                {
                    return;
                }

                row[k] = 0;
                var source = a.AsSpan(k * n, n);
                var scale = new Vector<double>(factor);
                var j = 0;
                for (; j <= n - width; j += width)
                {
                    (new Vector<double>(row[j..]) - (scale * new Vector<double>(source[j..]))).CopyTo(row[j..]);
                }

                for (; j < n; j++)
                {
                    row[j] -= factor * source[j];
                }
            });
        }
    }
}
