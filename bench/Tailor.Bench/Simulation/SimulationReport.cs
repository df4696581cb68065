using System.Globalization;
using System.Text;

namespace Tailor.Bench.Simulation;

/// <summary>The simulation's results as Markdown: each round's open and click rates per arm, Tailor's lift over each control, and how the lift moved.</summary>
public static class SimulationReport
{
    public static string Markdown(SimulationOptions options, IReadOnlyList<ArmResult> results)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Simulation, {DateTime.UtcNow:yyyy-MM-dd} ({Environment.ProcessorCount} cores; {options.UsersPerArm} customers per arm, {options.Rounds} rounds, split {options.Split:yyyy-MM-dd}, seed {options.Seed}{(options.Settings.Count == 0 ? string.Empty : "; " + string.Join(", ", options.Settings))})");
        text.AppendLine();
        text.AppendLine("| round | Tailor open | Tailor click | popular open | popular click | random open | random click | open lift vs popular | click lift vs popular | click lift vs random |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var round in results.GroupBy(result => result.Round).OrderBy(round => round.Key))
        {
            var tailor = round.Single(result => result.Arm == "tailor");
            var popular = round.Single(result => result.Arm == "popular");
            var random = round.Single(result => result.Arm == "random");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {round.Key} | {tailor.OpenRate:P1} | {tailor.ClickRate:P1} | {popular.OpenRate:P1} | {popular.ClickRate:P1} | {random.OpenRate:P1} | {random.ClickRate:P1} | {Lift(tailor.OpenRate, popular.OpenRate)} | {Lift(tailor.ClickRate, popular.ClickRate)} | {Lift(tailor.ClickRate, random.ClickRate)} |");
        }

        var half = Math.Max(1, options.Rounds / 2);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Rounds 1–{half} against rounds {options.Rounds - half + 1}–{options.Rounds} (pooled):");
        foreach (var (name, rounds) in new[] { ("first", results.Where(result => result.Round <= half)), ("last", results.Where(result => result.Round > options.Rounds - half)) })
        {
            var arms = rounds.GroupBy(result => result.Arm).ToDictionary(arm => arm.Key, arm => (Opens: arm.Sum(r => r.Opens) / (double)arm.Sum(r => r.Emails), Clicks: arm.Sum(r => r.Clicks) / (double)arm.Sum(r => r.Emails)));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- {name}: Tailor open {arms["tailor"].Opens:P1}, click {arms["tailor"].Clicks:P1}; open lift vs popular {Lift(arms["tailor"].Opens, arms["popular"].Opens)}, click lift vs popular {Lift(arms["tailor"].Clicks, arms["popular"].Clicks)}, click lift vs random {Lift(arms["tailor"].Clicks, arms["random"].Clicks)}");
        }

        return text.ToString();
    }

    private static string Lift(double tailor, double control) =>
        control <= 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{tailor / control:F2}×");
}
