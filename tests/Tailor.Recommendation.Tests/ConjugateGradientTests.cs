using Tailor.Recommendation.Als;

namespace Tailor.Recommendation.Tests;

public class ConjugateGradientTests
{
    [Theory]
    [InlineData(64)]
    [InlineData(13)]
    [InlineData(3)]
    public void Multiply_agrees_with_a_plain_loop_whatever_the_size(int k)
    {
        var random = new Random(7);
        var matrix = Enumerable.Range(0, k * k).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var vector = Enumerable.Range(0, k).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var product = new float[k];

        ConjugateGradient.Multiply(matrix, vector, product);

        for (var row = 0; row < k; row++)
        {
            var expected = Enumerable.Range(0, k).Sum(column => (double)matrix[(row * k) + column] * vector[column]);
            Assert.Equal(expected, product[row], precision: 4);
        }
    }

    [Fact]
    public void Solve_matches_a_direct_solve_on_a_tiny_problem()
    {
        const int k = 3;
        const float regularization = 0.1f;
        float[] items =
        [
            0.9f, 0.1f, 0.3f,
            0.2f, 0.8f, 0.5f,
            0.4f, 0.4f, 0.9f,
            0.7f, 0.6f, 0.1f,
        ];
        int[] interacted = [0, 2, 3];
        float[] confidences = [3.5f, 1.7f, 6.0f];
        var gram = ImplicitAls.Gram(items, k, regularization);

        // Exact arithmetic reaches the solution of a k × k system in k CG steps; a couple more absorb rounding.
        var solved = new float[k];
        ConjugateGradient.Solve(gram, items, interacted, confidences, solved, steps: k + 2, new CgWorkspace(k));

        var expected = DirectSolve(gram, items, interacted, confidences, k);
        for (var j = 0; j < k; j++)
        {
            Assert.Equal(expected[j], solved[j], tolerance: 1e-4);
        }
    }

    /// <summary>Forms A = G + Σ (c − 1) y yᵀ and b = Σ c y and solves A x = b by Gaussian elimination in doubles.</summary>
    private static double[] DirectSolve(float[] gram, float[] items, int[] interacted, float[] confidences, int k)
    {
        var a = new double[k, k + 1];
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c < k; c++)
            {
                a[r, c] = gram[(r * k) + c];
            }
        }

        for (var n = 0; n < interacted.Length; n++)
        {
            var y = items.AsSpan(interacted[n] * k, k);
            for (var r = 0; r < k; r++)
            {
                for (var c = 0; c < k; c++)
                {
                    a[r, c] += (confidences[n] - 1.0) * y[r] * y[c];
                }

                a[r, k] += confidences[n] * y[r];
            }
        }

        for (var pivot = 0; pivot < k; pivot++)
        {
            for (var r = pivot + 1; r < k; r++)
            {
                var factor = a[r, pivot] / a[pivot, pivot];
                for (var c = pivot; c <= k; c++)
                {
                    a[r, c] -= factor * a[pivot, c];
                }
            }
        }

        var x = new double[k];
        for (var r = k - 1; r >= 0; r--)
        {
            var sum = a[r, k];
            for (var c = r + 1; c < k; c++)
            {
                sum -= a[r, c] * x[c];
            }

            x[r] = sum / a[r, r];
        }

        return x;
    }
}
