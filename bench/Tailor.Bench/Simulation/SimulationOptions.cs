using System.Globalization;

namespace Tailor.Bench.Simulation;

/// <summary>
/// <c>simulate [--data FILE] [--rounds N] [--users N] [--split YYYY-MM-DD] [--seed N] [--history-orders N] [--out FILE] [--set Key=Value ...]</c>;
/// each <c>--set</c> is a Tailor setting for the simulated deployment, such as <c>Tailor:Recommendation:ExcludePurchased=false</c>.
/// <c>--history-orders N</c> tells Tailor only each customer's last N orders before the split (default: all of them),
/// for customers Tailor knows little about; what they want and when they read is still drawn from all their orders.
/// </summary>
public sealed record SimulationOptions(
    FileInfo Data, int Rounds, int UsersPerArm, DateTime Split, int Seed, string? Out, IReadOnlyList<string> Settings, int? HistoryOrders = null)
{
    public static SimulationOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var list = args.ToList();
        string? Value(string name) => list.IndexOf(name) is var index and >= 0 && index + 1 < list.Count ? list[index + 1] : null;
        var data = new FileInfo(Value("--data") ?? Path.Combine("..", "shared", "datasets", "online-retail", "transactions-2010-12-01-to-2011-09-30.csv.gz"));
        if (!data.Exists)
        {
            throw new ArgumentException($"--data: '{data.FullName}' does not exist.");
        }

        return new SimulationOptions(
            data,
            Positive(Value("--rounds") ?? "8", "--rounds"),
            Positive(Value("--users") ?? "150", "--users"),
            DateTime.ParseExact(Value("--split") ?? "2011-06-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Positive(Value("--seed") ?? "7", "--seed"),
            Value("--out"),
            [.. list.Select((arg, index) => (arg, index)).Where(pair => pair.arg == "--set" && pair.index + 1 < list.Count).Select(pair => Setting(list[pair.index + 1]))],
            Value("--history-orders") is { } orders ? Positive(orders, "--history-orders") : null);
    }

    private static string Setting(string value) =>
        value.IndexOf('=', StringComparison.Ordinal) > 0 ? value : throw new ArgumentException($"--set takes Key=Value, not '{value}'.");

    private static int Positive(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");
}
