using System.Globalization;
using System.Text;

namespace Tailor.Bench.Simulation;

/// <summary>
/// The simulation's results as Markdown: each round's open and click rates per arm and Tailor's lift over each control,
/// drawn and as the response model expected them, and how the lift moved between the first and the last rounds.
/// </summary>
public static class SimulationReport
{
    public static string Markdown(SimulationOptions options, IReadOnlyList<ArmResult> results)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Simulation, {DateTime.UtcNow:yyyy-MM-dd} ({Environment.ProcessorCount} cores; {options.UsersPerArm} customers per arm, {options.Rounds} rounds, split {options.Split:yyyy-MM-dd}, seed {options.Seed}{(options.HistoryOrders is { } orders ? $", Tailor told each customer's last {orders} orders" : string.Empty)}{(options.Settings.Count == 0 ? string.Empty : "; " + string.Join(", ", options.Settings))})");
        text.AppendLine();
        RoundTable(text, results, result => result.OpenRate, result => result.ClickRate);
        text.AppendLine();
        text.AppendLine("The same rounds as the response model expected them (each email's chances summed, without the answers' noise):");
        text.AppendLine();
        RoundTable(text, results, result => result.ExpectedOpenRate, result => result.ExpectedClickRate);

        var half = Math.Max(1, options.Rounds / 2);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Rounds 1–{half} against rounds {options.Rounds - half + 1}–{options.Rounds} (pooled):");
        foreach (var (name, rounds) in new[] { ("first", results.Where(result => result.Round <= half)), ("last", results.Where(result => result.Round > options.Rounds - half)) })
        {
            var arms = rounds.GroupBy(result => result.Arm).ToDictionary(arm => arm.Key, arm => arm.ToList());
            text.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {Pooled(arms, result => result.Opens, result => result.Clicks)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  - expected: {Pooled(arms, result => result.ExpectedOpens, result => result.ExpectedClicks)}");
        }

        return text.ToString();
    }

    private static void RoundTable(StringBuilder text, IReadOnlyList<ArmResult> results, Func<ArmResult, double> open, Func<ArmResult, double> click)
    {
        text.AppendLine("| round | Tailor open | Tailor click | popular open | popular click | random open | random click | open lift vs popular | click lift vs popular | click lift vs random |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var round in results.GroupBy(result => result.Round).OrderBy(round => round.Key))
        {
            var tailor = round.Single(result => result.Arm == "tailor");
            var popular = round.Single(result => result.Arm == "popular");
            var random = round.Single(result => result.Arm == "random");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {round.Key} | {open(tailor):P1} | {click(tailor):P1} | {open(popular):P1} | {click(popular):P1} | {open(random):P1} | {click(random):P1} | {Lift(open(tailor), open(popular))} | {Lift(click(tailor), click(popular))} | {Lift(click(tailor), click(random))} |");
        }
    }

    private static string Pooled(Dictionary<string, List<ArmResult>> arms, Func<ArmResult, double> opens, Func<ArmResult, double> clicks)
    {
        double Rate(string arm, Func<ArmResult, double> count) => arms[arm].Sum(count) / arms[arm].Sum(result => result.Emails);
        return string.Create(CultureInfo.InvariantCulture,
            $"Tailor open {Rate("tailor", opens):P1}, click {Rate("tailor", clicks):P1}; open lift vs popular {Lift(Rate("tailor", opens), Rate("popular", opens))}, click lift vs popular {Lift(Rate("tailor", clicks), Rate("popular", clicks))}, click lift vs random {Lift(Rate("tailor", clicks), Rate("random", clicks))}");
    }

    private static string Lift(double tailor, double control) =>
        control <= 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{tailor / control:F2}×");
}
