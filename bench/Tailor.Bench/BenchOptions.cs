using System.Globalization;

namespace Tailor.Bench;

/// <summary><c>ingestion [--events N] [--batch N] [--concurrency N] [--rabbitmq URI] [--out FILE]</c>.</summary>
internal sealed record BenchOptions(int Events, int Batch, int Concurrency, string RabbitMq, string? Out)
{
    public const string Usage =
        "Usage: dotnet run -c Release --project bench/Tailor.Bench -- ingestion [--events 20000] [--batch 100] [--concurrency 8] " +
        "[--rabbitmq amqp://guest:guest@127.0.0.1:5672/] [--out docs/benchmark-ingestion.md]" + "\n" +
        "       dotnet run -c Release --project bench/Tailor.Bench -- knn" + "\n" +
        "       dotnet run -c Release --project bench/Tailor.Bench -- embedding";

    public static BenchOptions Parse(string[] args)
    {
        if (args is not ["ingestion", .. var options])
        {
            throw new ArgumentException(Usage);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < options.Length; index += 2)
        {
            if (!options[index].StartsWith("--", StringComparison.Ordinal) || index + 1 >= options.Length)
            {
                throw new ArgumentException($"Expected --name value pairs. {Usage}");
            }

            values[options[index][2..]] = options[index + 1];
        }

        var parsed = new BenchOptions(
            Number(values, "events", 20_000),
            Number(values, "batch", 100),
            Number(values, "concurrency", 8),
            values.GetValueOrDefault("rabbitmq") ?? Environment.GetEnvironmentVariable("TAILOR_BENCH_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/",
            values.GetValueOrDefault("out"));
        return parsed.Events % parsed.Batch == 0 ? parsed : throw new ArgumentException("--events must be a multiple of --batch.");
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback) =>
        !values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgumentException($"--{name} must be a positive whole number.");
}
