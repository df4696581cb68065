using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Tailor.Recommendation.Als;

/// <summary>
/// Solves one row of implicit ALS, (FᵀF + λI + Σᵢ (cᵢ − 1) fᵢfᵢᵀ) x = Σᵢ cᵢ fᵢ, by a few conjugate-gradient steps
/// from the row's previous value, as the <c>implicit</c> library does: it never forms the k × k system per row,
/// so a row costs O(steps · (k² + nnz · k)) instead of the O(k³) of a direct solve.
/// </summary>
public static class ConjugateGradient
{
    private const float Converged = 1e-20f;

    /// <param name="gram">FᵀF + λI, k × k row-major.</param>
    /// <param name="fixedFactors">The other side's factors, one row of k per index.</param>
    /// <param name="indexes">The indexes this row interacted with.</param>
    /// <param name="confidences">cᵢ of each of <paramref name="indexes"/>.</param>
    /// <param name="x">In: the warm start. Out: the solution after <paramref name="steps"/> steps.</param>
    /// <param name="workspace">Three scratch vectors of k, reused across rows of one thread.</param>
    public static void Solve(
        ReadOnlySpan<float> gram,
        ReadOnlySpan<float> fixedFactors,
        ReadOnlySpan<int> indexes,
        ReadOnlySpan<float> confidences,
        Span<float> x,
        int steps,
        CgWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var k = x.Length;
        var residual = workspace.Residual.AsSpan(0, k);
        var direction = workspace.Direction.AsSpan(0, k);
        var product = workspace.Product.AsSpan(0, k);

        // r = b − A x, with b = Σ cᵢ fᵢ and A x = Gram x + Σ (cᵢ − 1)(fᵢ · x) fᵢ folded into one pass.
        Multiply(gram, x, residual);
        TensorPrimitives.Negate(residual, residual);
        for (var n = 0; n < indexes.Length; n++)
        {
            var factor = fixedFactors.Slice(indexes[n] * k, k);
            var confidence = confidences[n];
            var weight = confidence - ((confidence - 1f) * TensorPrimitives.Dot(factor, x));
            TensorPrimitives.MultiplyAdd(factor, weight, residual, residual);
        }

        residual.CopyTo(direction);
        var residualNorm = TensorPrimitives.Dot(residual, residual);
        for (var step = 0; step < steps && residualNorm > Converged; step++)
        {
            Multiply(gram, direction, product);
            for (var n = 0; n < indexes.Length; n++)
            {
                var factor = fixedFactors.Slice(indexes[n] * k, k);
                var weight = (confidences[n] - 1f) * TensorPrimitives.Dot(factor, direction);
                TensorPrimitives.MultiplyAdd(factor, weight, product, product);
            }

            var stepSize = residualNorm / TensorPrimitives.Dot(direction, product);
            TensorPrimitives.MultiplyAdd(direction, stepSize, x, x);
            TensorPrimitives.MultiplyAdd(product, -stepSize, residual, residual);
            var nextNorm = TensorPrimitives.Dot(residual, residual);
            TensorPrimitives.MultiplyAdd(direction, nextNorm / residualNorm, residual, direction);
            residualNorm = nextNorm;
        }
    }

    /// <summary>
    /// destination = matrix · vector for a k × k matrix. Runs four times per row solved, so it is written as one loop
    /// over hardware vectors: k calls of TensorPrimitives.Dot on 64 floats each spent more time in call overhead than in
    /// arithmetic (a quarter of a second per sweep on 100,000 rows).
    /// </summary>
    public static void Multiply(ReadOnlySpan<float> matrix, ReadOnlySpan<float> vector, Span<float> destination)
    {
        var k = vector.Length;
        var width = Vector<float>.Count;
        var whole = Vector.IsHardwareAccelerated ? k - (k % width) : 0;
        var vectorBlocks = MemoryMarshal.Cast<float, Vector<float>>(vector[..whole]);
        for (var row = 0; row < k; row++)
        {
            var rowValues = matrix.Slice(row * k, k);
            var rowBlocks = MemoryMarshal.Cast<float, Vector<float>>(rowValues[..whole]);
            var sum = Vector<float>.Zero;
            for (var block = 0; block < rowBlocks.Length; block++)
            {
                sum += rowBlocks[block] * vectorBlocks[block];
            }

            var total = Vector.Sum(sum);
            for (var column = whole; column < k; column++)
            {
                total += rowValues[column] * vector[column];
            }

            destination[row] = total;
        }
    }
}
