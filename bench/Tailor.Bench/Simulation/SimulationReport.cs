using System.Globalization;
using System.Text;

namespace Tailor.Bench.Simulation;

/// <summary>
/// The simulation's results as Markdown: each arm's drawn open, click and purchase rates per email (mean over the seeds
/// with 95% intervals) and the expected ones, Tailor's paired differences against each control, and the click and
/// purchase rates round by round and seed by seed.
/// </summary>
public static class SimulationReport
{
    public static string Markdown(SimulationOptions options, IReadOnlyList<ArmResult> results)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(results);
        var seeds = options.SeedValues.ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"#### Simulation, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({Environment.ProcessorCount} cores, shared with other builds; {options.Users} customers in every arm, {options.Rounds} rounds, split {options.Split:yyyy-MM-dd}, seeds {seeds[0]}–{seeds[^1]}{(options.HistoryOrders is { } orders ? $", Tailor told each customer's last {orders} orders" : string.Empty)}; {(options.Settings.Count == 0 ? "the service's defaults" : string.Join(", ", options.Settings))})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/Tailor.Bench -- simulate{(options.Arguments.Length == 0 ? string.Empty : " " + options.Arguments)}`");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Drawn per email, all rounds pooled, mean of the {seeds.Count} seeds ± the 95% interval's half width; the expected rates are the response model's chances:");
        text.AppendLine();
        text.AppendLine("| arm | emails | opens | clicks | purchases | expected opens | expected clicks | expected purchases |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var arm in SimulationRun.Arms)
        {
            var mine = results.Where(result => result.Arm == arm).ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {arm} | {mine.Sum(result => result.Emails):N0} | {Percent(PerSeed(mine, seeds, r => r.Opens))} | {Percent(PerSeed(mine, seeds, r => r.Clicks))} | {Percent(PerSeed(mine, seeds, r => r.Purchases))} | {PerSeed(mine, seeds, r => r.ExpectedOpens).Mean:P1} | {PerSeed(mine, seeds, r => r.ExpectedClicks).Mean:P1} | {PerSeed(mine, seeds, r => r.ExpectedPurchases).Mean:P2} |");
        }

        text.AppendLine();
        text.AppendLine("Tailor against each control on the same customers with the same draws: the difference in drawn rate per email (percentage points), mean of the seeds' differences [95% interval], and the ratio of the mean rates:");
        text.AppendLine();
        text.AppendLine("| comparison | opens | clicks | purchases |");
        text.AppendLine("|---|---:|---:|---:|");
        var tailor = results.Where(result => result.Arm == SimulationRun.Tailor).ToList();
        foreach (var control in SimulationRun.Arms.Skip(1))
        {
            var other = results.Where(result => result.Arm == control).ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| tailor − {control} | {Difference(tailor, other, seeds, r => r.Opens)} | {Difference(tailor, other, seeds, r => r.Clicks)} | {Difference(tailor, other, seeds, r => r.Purchases)} |");
        }

        text.AppendLine();
        text.AppendLine("Round by round, all seeds pooled (drawn clicks / purchases per email):");
        text.AppendLine();
        text.AppendLine("| round | " + string.Join(" | ", SimulationRun.Arms) + " |");
        text.AppendLine("|---:|" + string.Concat(SimulationRun.Arms.Select(_ => "---:|")));
        foreach (var round in results.GroupBy(result => result.Round).OrderBy(round => round.Key))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {round.Key} | ") + string.Join(" | ", SimulationRun.Arms.Select(arm => Pair(round.Where(result => result.Arm == arm).ToList()))) + " |");
        }

        text.AppendLine();
        text.AppendLine("Seed by seed, all rounds pooled (drawn clicks / purchases per email):");
        text.AppendLine();
        text.AppendLine("| seed | " + string.Join(" | ", SimulationRun.Arms) + " |");
        text.AppendLine("|---:|" + string.Concat(SimulationRun.Arms.Select(_ => "---:|")));
        foreach (var seed in seeds)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {seed} | ") + string.Join(" | ", SimulationRun.Arms.Select(arm => Pair([.. results.Where(result => result.Seed == seed && result.Arm == arm)]))) + " |");
        }

        return text.ToString();
    }

    /// <summary>Each seed's pooled rate (the count over the seed's emails), as an interval over the seeds.</summary>
    public static SeedInterval PerSeed(IReadOnlyList<ArmResult> results, IReadOnlyList<int> seeds, Func<ArmResult, double> count)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(seeds);
        return SeedInterval.Of([.. seeds.Select(seed => Rate(results.Where(result => result.Seed == seed).ToList(), count))]);
    }

    /// <summary>The seeds' paired differences in rate between two arms, as an interval over the seeds.</summary>
    public static SeedInterval PairedDifference(IReadOnlyList<ArmResult> arm, IReadOnlyList<ArmResult> control, IReadOnlyList<int> seeds, Func<ArmResult, double> count)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(seeds);
        return SeedInterval.Of([.. seeds.Select(seed =>
            Rate(arm.Where(result => result.Seed == seed).ToList(), count) - Rate(control.Where(result => result.Seed == seed).ToList(), count))]);
    }

    private static double Rate(IReadOnlyList<ArmResult> results, Func<ArmResult, double> count)
    {
        var emails = results.Sum(result => result.Emails);
        return emails == 0 ? 0 : results.Sum(count) / emails;
    }

    private static string Percent(SeedInterval interval) =>
        double.IsNaN(interval.HalfWidth)
            ? string.Create(CultureInfo.InvariantCulture, $"{100 * interval.Mean:F1} %")
            : string.Create(CultureInfo.InvariantCulture, $"{100 * interval.Mean:F1} % ± {100 * interval.HalfWidth:F1}");

    private static string Difference(IReadOnlyList<ArmResult> arm, IReadOnlyList<ArmResult> control, IReadOnlyList<int> seeds, Func<ArmResult, double> count)
    {
        var difference = PairedDifference(arm, control, seeds, count);
        var controlRate = PerSeed(control, seeds, count).Mean;
        var ratio = controlRate <= 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{PerSeed(arm, seeds, count).Mean / controlRate:F2}×");
        var interval = double.IsNaN(difference.HalfWidth) ? string.Empty : $" [{Points(difference.Low)}, {Points(difference.High)}]";
        return $"{Points(difference.Mean)}{interval} ({ratio})";
    }

    // A difference of rates in percentage points with its sign; rounded first, so a tiny negative reads 0.0, not −0.0.
    private static string Points(double difference)
    {
        var points = Math.Round(100 * difference, 1);
        return points == 0 ? "0.0" : points.ToString("+0.0;−0.0", CultureInfo.InvariantCulture);
    }

    private static string Pair(IReadOnlyList<ArmResult> results) =>
        string.Create(CultureInfo.InvariantCulture, $"{Rate(results, r => r.Clicks):P1} / {Rate(results, r => r.Purchases):P1}");
}
