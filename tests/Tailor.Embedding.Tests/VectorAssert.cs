using System.Numerics.Tensors;

namespace Tailor.Embedding.Tests;

internal static class VectorAssert
{
    public static float Cosine(float[] left, float[] right) => TensorPrimitives.CosineSimilarity(left, right);

    public static void UnitLength(float[] vector) => Assert.InRange(TensorPrimitives.Norm(vector), 0.9999f, 1.0001f);

    public static void Close(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"Component {i}: expected {expected[i]}, got {actual[i]} (tolerance {tolerance}).");
        }
    }
}
