namespace Tailor.Ingestion.Reports;

/// <summary>An estimate with its two-sided confidence interval.</summary>
internal sealed record Interval(double Estimate, double Lower, double Upper);

/// <summary>
/// 95% confidence intervals for comparing two proportions x1/n1 (personalised) and x2/n2 (control), as
/// docs/campaign-reports.md derives them.
/// </summary>
/// <remarks>
/// The difference uses Newcombe's hybrid score interval (his method 10, 1998), built from each arm's Wilson score
/// interval: unlike the Wald interval it stays inside [-1, 1] and keeps close to its nominal coverage with the small
/// control groups and low click rates campaigns have. The ratio uses the log risk-ratio interval (Katz et al., 1978),
/// exp(ln(p1/p2) ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2)), which has no value when either arm has the event in no email or in
/// every email.
/// </remarks>
internal static class ProportionIntervals
{
    /// <summary>The standard normal quantile for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Wilson's score interval for x events in n trials.</summary>
    public static (double Lower, double Upper) Wilson(long x, long n, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(x, n);
        var p = (double)x / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2.0 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>p1 − p2 with Newcombe's hybrid score interval.</summary>
    public static Interval Difference(long x1, long n1, long x2, long n2, double z = Z95)
    {
        var (p1, p2) = ((double)x1 / n1, (double)x2 / n2);
        var (lower1, upper1) = Wilson(x1, n1, z);
        var (lower2, upper2) = Wilson(x2, n2, z);
        var difference = p1 - p2;
        return new Interval(
            difference,
            difference - Math.Sqrt(Square(p1 - lower1) + Square(upper2 - p2)),
            difference + Math.Sqrt(Square(upper1 - p1) + Square(p2 - lower2)));
    }

    /// <summary>
    /// p1 / p2 with the log risk-ratio interval; null when either arm had the event in no email (the ratio or its log is
    /// undefined) or in every email.
    /// </summary>
    /// <remarks>
    /// An arm whose every email had the event adds 1/x − 1/n = 0 to the variance, as if its rate were known exactly:
    /// one opened control email would make 50 of 100 against 1 of 1 a ratio of 0.41 to 0.61, "significant" on one email.
    /// </remarks>
    public static Interval? Ratio(long x1, long n1, long x2, long n2, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n1, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n2, 1);
        if (x1 <= 0 || x2 <= 0 || x1 >= n1 || x2 >= n2)
        {
            return null;
        }

        var ratio = (double)x1 / n1 / ((double)x2 / n2);
        var standardError = Math.Sqrt((1.0 / x1) - (1.0 / n1) + (1.0 / x2) - (1.0 / n2));
        return new Interval(ratio, ratio * Math.Exp(-z * standardError), ratio * Math.Exp(z * standardError));
    }

    private static double Square(double value) => value * value;
}
