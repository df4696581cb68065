using System.Diagnostics;
using Tailor.Host.Evaluation;
using Tailor.Recommendation.Als;
using Tailor.Recommendation.Evaluation;

namespace Tailor.Bench;

/// <summary>
/// Implicit ALS throughput: a synthetic matrix of 1,000,000 interactions (100,000 users, 20,000 items, item popularity
/// following a power law, as real catalogues do) and the shared Online Retail data, 64 factors, 3 conjugate-gradient
/// steps. Reports seconds per iteration (one user sweep and one item sweep), interactions·iterations per second, and
/// the process's peak working set.
/// </summary>
internal static class AlsRun
{
    private const int Factors = 64;
    private const int Iterations = 10;

    public static string Run(FileInfo? onlineRetail, TextWriter progress)
    {
        var lines = new List<string>
        {
            $"### ALS throughput, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC",
            string.Empty,
            $"Command: `dotnet run -c Release --project bench/Tailor.Bench -- als`; {Factors} factors, {Iterations} iterations, 3 CG steps, {Environment.ProcessorCount} cores.",
            string.Empty,
            "| data | users | items | interactions | s per iteration | interactions·iterations/s | peak working set |",
            "|---|---:|---:|---:|---:|---:|---:|",
        };
        var synthetic = Synthetic(100_000, 20_000, 1_000_000);
        lines.Add(Measure("synthetic, power-law items", synthetic, progress));
        if (onlineRetail is { Exists: true })
        {
            var set = TrainingSet.From(InteractionFile.Read(onlineRetail).Interactions);
            var matrix = InteractionMatrix.FromCells(set.Users.Count, set.Items.Count, AlsScorer.Cells(set, ConfidenceScaling.Log, 0.5));
            lines.Add(Measure($"Online Retail ({onlineRetail.Name})", matrix, progress));
        }

        // Every user's top 10 from the synthetic model, as a training computes them before writing profiles.
        var factors = ImplicitAls.Fit(synthetic, new AlsParameters(Factors, 0.1f, 1, 3, 42));
        var topN = Stopwatch.StartNew();
        var top = AllUsersTopN.Compute(factors, count: 10);
        progress.WriteLine($"  top 10 for {top.Length:N0} users x {factors.ItemCount:N0} items: {topN.Elapsed.TotalSeconds:F1} s");
        lines.Add(string.Empty);
        lines.Add($"Top 10 for every one of the {top.Length:N0} synthetic users over {factors.ItemCount:N0} items ({Factors} factors): {topN.Elapsed.TotalSeconds:F1} s.");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static string Measure(string label, InteractionMatrix matrix, TextWriter progress)
    {
        // One warm-up iteration so the JIT's final tier is what is timed.
        ImplicitAls.Fit(matrix, new AlsParameters(Factors, 0.1f, 1, 3, 42));
        var clock = Stopwatch.StartNew();
        ImplicitAls.Fit(matrix, new AlsParameters(Factors, 0.1f, Iterations, 3, 42));
        var perIteration = clock.Elapsed.TotalSeconds / Iterations;
        var rate = matrix.NonZeroCount / perIteration;
        using var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64 / (1024.0 * 1024.0);
        progress.WriteLine($"  {label}: {perIteration:F3} s per iteration, {rate:N0} interactions·iterations/s, peak {peak:N0} MiB");
        return $"| {label} | {matrix.RowCount:N0} | {matrix.ColumnCount:N0} | {matrix.NonZeroCount:N0} | {perIteration:F3} | {rate:N0} | {peak:N0} MiB |";
    }

    /// <summary>Distinct (user, item) cells: users uniform, items by a Zipf-like law (exponent 0.8), fixed seed.</summary>
    private static InteractionMatrix Synthetic(int users, int items, int interactions)
    {
        var random = new Random(42);
        var cumulative = new double[items];
        var total = 0.0;
        for (var item = 0; item < items; item++)
        {
            total += 1 / Math.Pow(item + 1, 0.8);
            cumulative[item] = total;
        }

        var cells = new HashSet<(int, int)>();
        while (cells.Count < interactions)
        {
            var draw = random.NextDouble() * total;
            var item = Array.BinarySearch(cumulative, draw);
            cells.Add((random.Next(users), item < 0 ? ~item : item));
        }

        return InteractionMatrix.FromCells(users, items, cells.Select(cell => (cell.Item1, cell.Item2, 1 + (float)Math.Log(1 + random.Next(1, 10)))));
    }
}
