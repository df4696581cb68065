namespace Tailor.Profiles;

/// <summary>Draws from a Dirichlet distribution given its mean and total concentration, via independent gamma draws.</summary>
public static class DirichletDraw
{
    public static double[] Sample(IReadOnlyList<double> mean, double concentration, Random random)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concentration);
        var draw = new double[mean.Count];
        for (var index = 0; index < draw.Length; index++)
        {
            var shape = Math.Max(mean[index], 0) * concentration;
            draw[index] = shape > 0 ? Gamma(shape, random) : 0;
        }

        var total = draw.Sum();
        return total > 0 ? [.. draw.Select(value => value / total)] : [.. mean];
    }

    /// <summary>A Gamma(shape, 1) draw: Marsaglia and Tsang for shape ≥ 1, boosted by U^(1/shape) below 1.</summary>
    public static double Gamma(double shape, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shape);
        if (shape < 1)
        {
            return Gamma(shape + 1, random) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    // Box–Muller; 1 − U keeps the logarithm away from zero.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
