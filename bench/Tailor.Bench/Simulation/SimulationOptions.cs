using System.Globalization;

namespace Tailor.Bench.Simulation;

/// <summary>
/// <c>simulate [--data FILE] [--rounds N] [--users N] [--split YYYY-MM-DD] [--seed N] [--seeds N] [--history-orders N] [--out FILE] [--set Key=Value ...]</c>.
/// <c>--seeds N</c> runs N replicates, seeds <c>--seed</c>, <c>--seed</c> + 1, …, each with its own sample of customers,
/// its own answers and its own Tailor. Each <c>--set</c> is a Tailor setting for the simulated deployment, such as
/// <c>Tailor:Recommendation:ExcludePurchased=false</c>; without any, Tailor runs with the service's defaults.
/// <c>--history-orders N</c> tells Tailor (and the buy-again control) only each customer's last N orders before the
/// split; what they want and when they read is still drawn from all their orders.
/// </summary>
public sealed record SimulationOptions(
    FileInfo Data, int Rounds, int Users, DateTime Split, int Seed, int Seeds, string? Out, IReadOnlyList<string> Settings, int? HistoryOrders = null)
{
    /// <summary>Days between rounds; each round's campaign has a one-day window.</summary>
    public const int DaysBetweenRounds = 3;

    /// <summary>Ingestion refuses timestamps further ahead than this (its <c>MaxFutureSkew</c> at most); the rounds must end within it.</summary>
    public const int MaxDaysAhead = 30;

    public IEnumerable<int> SeedValues => Enumerable.Range(Seed, Seeds);

    /// <summary>The arguments as given after <c>simulate</c>, for the report's command line.</summary>
    public string Arguments { get; init; } = string.Empty;

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

        var rounds = Positive(Value("--rounds") ?? "8", "--rounds");
        // The first round is up to a week away, and the last round's window and purchases must still be accepted.
        if (7 + ((rounds - 1) * DaysBetweenRounds) + 1 > MaxDaysAhead)
        {
            throw new ArgumentException($"--rounds {rounds} would run past {MaxDaysAhead} days ahead of the clock, which Ingestion refuses; use at most {((MaxDaysAhead - 8) / DaysBetweenRounds) + 1}.");
        }

        return new SimulationOptions(
            data,
            rounds,
            Positive(Value("--users") ?? "150", "--users"),
            DateTime.ParseExact(Value("--split") ?? "2011-06-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Positive(Value("--seed") ?? "7", "--seed"),
            Positive(Value("--seeds") ?? "5", "--seeds"),
            Value("--out"),
            [.. list.Select((arg, index) => (arg, index)).Where(pair => pair.arg == "--set" && pair.index + 1 < list.Count).Select(pair => Setting(list[pair.index + 1]))],
            Value("--history-orders") is { } orders ? Positive(orders, "--history-orders") : null)
        {
            Arguments = string.Join(' ', list),
        };
    }

    private static string Setting(string value) =>
        value.IndexOf('=', StringComparison.Ordinal) > 0 ? value : throw new ArgumentException($"--set takes Key=Value, not '{value}'.");

    private static int Positive(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");
}
