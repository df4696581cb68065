namespace Tailor.Recommendation.Als;

/// <summary>Scratch vectors for <see cref="ConjugateGradient"/>, one per worker thread so solving allocates nothing per row.</summary>
public sealed class CgWorkspace(int factors)
{
    internal float[] Residual { get; } = new float[factors];
    internal float[] Direction { get; } = new float[factors];
    internal float[] Product { get; } = new float[factors];
}
