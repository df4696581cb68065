using System.Numerics.Tensors;

namespace Tailor.Recommendation.Als;

/// <summary>
/// Implicit-feedback alternating least squares (Hu, Koren and Volinsky, 2008): every observed cell is a preference of 1
/// held with its confidence, every other cell a preference of 0 held with confidence 1. Each sweep fixes one side and
/// solves every row of the other independently, in parallel, by <see cref="ConjugateGradient"/>.
/// </summary>
public static class ImplicitAls
{
    // Small starting factors (as in the implicit library) keep the first sweep close to the regularised solution.
    private const float InitialScale = 0.01f;

    /// <param name="confidences">Users × items; each cell is the confidence of a preference of 1.</param>
    public static AlsFactors Fit(InteractionMatrix confidences, AlsParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confidences);
        ArgumentNullException.ThrowIfNull(parameters);
        var k = parameters.Factors;

        // One seeded generator filled in a fixed order: the same data and parameters give the same model on every run.
        var random = new Random(parameters.Seed);
        var users = Initialize(confidences.RowCount * k, random);
        var items = Initialize(confidences.ColumnCount * k, random);
        var itemsByUser = confidences;
        var usersByItem = confidences.Transpose();

        for (var iteration = 0; iteration < parameters.Iterations; iteration++)
        {
            SolveSide(itemsByUser, users, items, parameters, cancellationToken);
            SolveSide(usersByItem, items, users, parameters, cancellationToken);
        }

        return new AlsFactors(k, users, items);
    }

    /// <summary>FᵀF + λI of the fixed side, shared by every row solved against it.</summary>
    public static float[] Gram(ReadOnlySpan<float> factors, int k, float regularization)
    {
        var gram = new float[k * k];
        var rows = factors.Length / k;
        for (var row = 0; row < rows; row++)
        {
            var factor = factors.Slice(row * k, k);
            for (var j = 0; j < k; j++)
            {
                var target = gram.AsSpan(j * k, k);
                TensorPrimitives.MultiplyAdd(factor, factor[j], target, target);
            }
        }

        for (var j = 0; j < k; j++)
        {
            gram[(j * k) + j] += regularization;
        }

        return gram;
    }

    private static void SolveSide(
        InteractionMatrix rows, float[] solved, float[] fixedSide, AlsParameters parameters, CancellationToken cancellationToken)
    {
        var k = parameters.Factors;
        var gram = Gram(fixedSide, k, parameters.Regularization);
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(
            0,
            rows.RowCount,
            options,
            () => new CgWorkspace(k),
            (row, _, workspace) =>
            {
                ConjugateGradient.Solve(
                    gram,
                    fixedSide,
                    rows.ColumnsOf(row),
                    rows.ValuesOf(row),
                    solved.AsSpan(row * k, k),
                    parameters.ConjugateGradientSteps,
                    workspace);
                return workspace;
            },
            _ => { });
    }

    private static float[] Initialize(int length, Random random)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = random.NextSingle() * InitialScale;
        }

        return values;
    }
}
