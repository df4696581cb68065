namespace Tailor.SendTime.Learning;

/// <summary>
/// How long after delivery people open email, learned from every open whose delivery was reported (a histogram over
/// <see cref="BinEdges"/>, starting from a typical shape worth <see cref="PriorWeight"/> opens).
/// An open soon after delivery says the reader was there at that hour. An open four hours later mostly says the email
/// waited in the inbox until a catch-up session, so it counts with the share of opens that take at least that long
/// (the survival function), never less than <see cref="Floor"/>.
/// </summary>
public sealed class OpenLatency
{
    public const double Floor = 0.1;
    public const double PriorWeight = 100;

    /// <summary>Upper edges of the bins; the last bin is everything longer.</summary>
    public static readonly TimeSpan[] BinEdges =
    [
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(24),
    ];

    // Roughly how opens spread after delivery in published email benchmarks: a quarter in the first quarter hour,
    // then a long tail. Observed opens soon outweigh it.
    private static readonly double[] PriorShares = [0.25, 0.10, 0.12, 0.12, 0.12, 0.11, 0.10, 0.08];

    public double[] Observed { get; init; } = new double[BinEdges.Length + 1];

    public double Opens => Observed.Sum();

    /// <summary>The weight an open or click keeps after <paramref name="latency"/>: the share of opens that take at least as long.</summary>
    public double Factor(TimeSpan latency)
    {
        var bin = Bin(latency);
        double atLeast = 0, total = 0;
        for (var index = 0; index < Observed.Length; index++)
        {
            var mass = Observed[index] + (PriorWeight * PriorShares[index]);
            total += mass;
            if (index >= bin)
            {
                atLeast += mass;
            }
        }

        return Math.Max(Floor, atLeast / total);
    }

    /// <summary>This histogram with <paramref name="latencies"/> added, as a new instance: this one is left as it is.</summary>
    public OpenLatency Plus(IEnumerable<TimeSpan> latencies)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        var observed = (double[])Observed.Clone();
        foreach (var latency in latencies)
        {
            observed[Bin(latency)]++;
        }

        return new OpenLatency { Observed = observed };
    }

    /// <summary>Fails loudly on a stored document of another shape.</summary>
    public OpenLatency EnsureValid()
    {
        if (Observed is not { Length: var length } || length != BinEdges.Length + 1 || Observed.Any(count => count < 0 || !double.IsFinite(count)))
        {
            throw new InvalidDataException($"Open latency does not hold {BinEdges.Length + 1} non-negative counts.");
        }

        return this;
    }

    // A negative latency (clocks disagree) counts as immediate.
    private static int Bin(TimeSpan latency)
    {
        var index = Array.FindIndex(BinEdges, edge => latency < edge);
        return index < 0 ? BinEdges.Length : index;
    }
}
