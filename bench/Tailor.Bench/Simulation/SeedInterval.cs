namespace Tailor.Bench.Simulation;

/// <summary>
/// A mean over independent replicates (one per seed) with its 95% interval, mean ± t(0.975, n − 1) · sd / √n. Each seed
/// is a whole replicate (its own customers, its own answers, its own Tailor), so the interval covers all of that noise.
/// </summary>
public sealed record SeedInterval(double Mean, double HalfWidth, int Count)
{
    // Student's t, two-sided 95%, for 1 to 30 degrees of freedom; past 30 the normal 1.96 is within 4%.
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public double Low => Mean - HalfWidth;

    public double High => Mean + HalfWidth;

    /// <summary>The interval of <paramref name="values"/>' mean; with one value the half width is not defined (NaN).</summary>
    public static SeedInterval Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var mean = values.Average();
        if (values.Count == 1)
        {
            return new SeedInterval(mean, double.NaN, 1);
        }

        var variance = values.Sum(value => (value - mean) * (value - mean)) / (values.Count - 1);
        var degrees = values.Count - 1;
        var t = degrees <= T975.Length ? T975[degrees - 1] : 1.96;
        return new SeedInterval(mean, t * Math.Sqrt(variance / values.Count), values.Count);
    }
}
