using System.Diagnostics;
using Tailor.Host.Evaluation;
using Tailor.Recommendation;
using Tailor.Recommendation.Als;
using Tailor.Recommendation.Scoring;

namespace Tailor.Bench;

/// <summary>
/// Implicit ALS throughput: a synthetic matrix of 1,000,000 interactions (100,000 users, 20,000 items, item popularity
/// following a power law, as real catalogues do) and the shared Online Retail data, at the settings the service trains
/// with: <see cref="RecommendationOptions"/>' defaults, read from the options type, so the benchmark follows them when
/// they change. Reports seconds per iteration (one user sweep and one item sweep), interactions·iterations per second
/// of wall-clock time and per CPU-second (the process's own processor time, which other work on a shared machine does
/// not inflate as much as the wall clock), and the process's peak working set.
/// </summary>
internal static class AlsRun
{
    public static string Run(FileInfo? onlineRetail, TextWriter progress)
    {
        var served = new RecommendationOptions();
        var settings = served.ToEvaluationSettings();
        var parameters = settings.Als;
        var lines = new List<string>
        {
            $"### ALS throughput, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC",
            string.Empty,
            $"Command: `dotnet run -c Release --project bench/Tailor.Bench -- als{(onlineRetail is null ? string.Empty : " --data " + onlineRetail.Name)}`; the service's defaults: {parameters.Factors} factors, regularisation {parameters.Regularization}, {parameters.Iterations} iterations, {parameters.ConjugateGradientSteps} CG steps, confidence 1 + {settings.Alpha} · {settings.Scaling}; {Environment.ProcessorCount} cores{LoadAverage()}.",
            string.Empty,
            "| data | users | items | interactions | s per iteration | interactions·iterations/s | per CPU-second | peak working set |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        };
        var synthetic = Synthetic(100_000, 20_000, 1_000_000);
        lines.Add(Measure("synthetic, power-law items", synthetic, parameters, progress));
        if (onlineRetail is { Exists: true })
        {
            var set = TrainingSet.From(InteractionFile.Read(onlineRetail).Interactions);
            var matrix = InteractionMatrix.FromCells(set.Users.Count, set.Items.Count, AlsScorer.Cells(set, settings.Scaling, settings.Alpha));
            lines.Add(Measure($"Online Retail ({onlineRetail.Name})", matrix, parameters, progress));
        }

        // Every user's top N (the service's TopN) from the synthetic model: the cost of scoring every user against every item.
        var factors = ImplicitAls.Fit(synthetic, parameters with { Iterations = 1 });
        var topN = Stopwatch.StartNew();
        var cpu = ProcessorTime();
        var top = AllUsersTopN.Compute(factors, count: served.TopN);
        var topCpu = (ProcessorTime() - cpu).TotalSeconds;
        progress.WriteLine($"  top {served.TopN} for {top.Length:N0} users x {factors.ItemCount:N0} items: {topN.Elapsed.TotalSeconds:F1} s, {topCpu:F1} CPU-s");
        lines.Add(string.Empty);
        lines.Add($"Top {served.TopN} for every one of the {top.Length:N0} synthetic users over {factors.ItemCount:N0} items ({parameters.Factors} factors): {topN.Elapsed.TotalSeconds:F1} s, {topCpu:F1} CPU-seconds.");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static string Measure(string label, InteractionMatrix matrix, AlsParameters parameters, TextWriter progress)
    {
        // One warm-up iteration so the JIT's final tier is what is timed.
        ImplicitAls.Fit(matrix, parameters with { Iterations = 1 });
        var clock = Stopwatch.StartNew();
        var cpu = ProcessorTime();
        ImplicitAls.Fit(matrix, parameters);
        var perIteration = clock.Elapsed.TotalSeconds / parameters.Iterations;
        var cpuPerIteration = (ProcessorTime() - cpu).TotalSeconds / parameters.Iterations;
        var rate = matrix.NonZeroCount / perIteration;
        var cpuRate = matrix.NonZeroCount / cpuPerIteration;
        using var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64 / (1024.0 * 1024.0);
        progress.WriteLine($"  {label}: {perIteration:F3} s per iteration, {rate:N0} interactions·iterations/s, {cpuRate:N0} per CPU-second, peak {peak:N0} MiB");
        return $"| {label} | {matrix.RowCount:N0} | {matrix.ColumnCount:N0} | {matrix.NonZeroCount:N0} | {perIteration:F3} | {rate:N0} | {cpuRate:N0} | {peak:N0} MiB |";
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    // The machine's 1-minute load average where Linux reports it: on a shared machine, what the timings competed with.
    private static string LoadAverage()
    {
        var file = new FileInfo("/proc/loadavg");
        return file.Exists ? $", load average {File.ReadAllText(file.FullName).Split(' ')[0]} at the start" : string.Empty;
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
