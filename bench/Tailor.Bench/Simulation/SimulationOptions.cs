using System.Globalization;

namespace Tailor.Bench.Simulation;

/// <summary><c>simulate [--data FILE] [--rounds N] [--users N] [--split YYYY-MM-DD] [--seed N] [--out FILE]</c>.</summary>
public sealed record SimulationOptions(FileInfo Data, int Rounds, int UsersPerArm, DateTime Split, int Seed, string? Out)
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
            Value("--out"));
    }

    private static int Positive(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");
}
