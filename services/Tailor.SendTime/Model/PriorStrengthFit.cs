namespace Tailor.SendTime.Model;

/// <summary>
/// Fits a prior strength k on data by empirical Bayes: the k that makes the observed counts most likely under a
/// Dirichlet-multinomial whose mean is each unit's prior (the k maximising Σ log DirMult(counts | k · prior)).
/// Units with little evidence that look like their prior push k up; units that each have their own pattern push it down.
/// </summary>
public static class PriorStrengthFit
{
    public const double Smallest = 0.1;
    public const double Largest = 10_000;

    /// <param name="units">Each unit's counts and the prior distribution it is shrunk towards (same length, prior summing to 1).</param>
    /// <returns>The fitted k, or null when no unit has two or more events (nothing to tell self from prior).</returns>
    public static double? Fit(IReadOnlyList<(IReadOnlyList<double> Counts, IReadOnlyList<double> Prior)> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var informative = units.Where(unit => unit.Counts.Sum() >= 2).ToList();
        if (informative.Count == 0)
        {
            return null;
        }

        // The log-likelihood is smooth and, in practice, single-peaked in log k: golden-section search over log k.
        var low = Math.Log(Smallest);
        var high = Math.Log(Largest);
        const double InverseGolden = 0.6180339887498949;
        var a = high - (InverseGolden * (high - low));
        var b = low + (InverseGolden * (high - low));
        var fa = LogLikelihood(informative, Math.Exp(a));
        var fb = LogLikelihood(informative, Math.Exp(b));
        while (high - low > 1e-3)
        {
            if (fa < fb)
            {
                low = a;
                a = b;
                fa = fb;
                b = low + (InverseGolden * (high - low));
                fb = LogLikelihood(informative, Math.Exp(b));
            }
            else
            {
                high = b;
                b = a;
                fb = fa;
                a = high - (InverseGolden * (high - low));
                fa = LogLikelihood(informative, Math.Exp(a));
            }
        }

        return Math.Exp((low + high) / 2);
    }

    /// <summary>Σ over units of log Γ(k) − log Γ(n + k) + Σ_h [log Γ(c_h + k·p_h) − log Γ(k·p_h)] (the multinomial coefficient does not depend on k).</summary>
    public static double LogLikelihood(IReadOnlyList<(IReadOnlyList<double> Counts, IReadOnlyList<double> Prior)> units, double strength)
    {
        ArgumentNullException.ThrowIfNull(units);
        var total = 0.0;
        foreach (var (counts, prior) in units)
        {
            var n = counts.Sum();
            total += LogGamma(strength) - LogGamma(n + strength);
            for (var index = 0; index < counts.Count; index++)
            {
                if (counts[index] > 0)
                {
                    // Hours the prior calls impossible still get a sliver, so one odd event does not make k zero.
                    var alpha = strength * Math.Max(prior[index], 1e-9);
                    total += LogGamma(counts[index] + alpha) - LogGamma(alpha);
                }
            }
        }

        return total;
    }

    /// <summary>log Γ(x) for x &gt; 0 (Lanczos, g = 7, n = 9; about 15 significant digits).</summary>
    public static double LogGamma(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x);
        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        ReadOnlySpan<double> coefficients =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var sum = coefficients[0];
        for (var index = 1; index < coefficients.Length; index++)
        {
            sum += coefficients[index] / (x + index);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
