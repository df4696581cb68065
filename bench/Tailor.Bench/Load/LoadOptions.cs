using System.Globalization;

namespace Tailor.Bench.Load;

/// <summary><c>load [--events N] [--users N] [--batch N] [--concurrency N] [--replicas N] [--rabbitmq URI] [--redis CONFIG] [--out FILE]</c>.</summary>
/// <param name="Replicas">Processes of every service (1: one each).</param>
internal sealed record LoadOptions(int Events, int Users, int Batch, int Concurrency, string RabbitMq, string Redis, string? Out, int Replicas = 1)
{
    public const string Usage =
        "Usage: dotnet run -c Release --project bench/Tailor.Bench -- load [--events 10000] [--users 100000] [--batch 100] [--concurrency 8] [--replicas 1] " +
        "[--rabbitmq amqp://guest:guest@127.0.0.1:5672/tailor-load] [--redis 127.0.0.1:6379] [--out docs/benchmarks.md]" + "\n" +
        "  --rabbitmq must name a virtual host of its own on the local broker (rabbitmqctl reads its queues): the six services declare their usual queue names there.";

    /// <summary>
    /// The warm-up before the events of the catalog-embedded phase: 20 requests, so the code that phase runs for the
    /// first time (Recommendation's lists from interest vectors, which need the catalog's vectors) is compiled fully by
    /// the JIT before it is measured, as every other path is by the phase before.
    /// </summary>
    public int CatalogWarmUpEvents => Math.Min(20, Events / Batch) * Batch;

    /// <summary>Users of the first phase's warm-up: one request, so the products of the phase stay new to Embedding.</summary>
    public IReadOnlyList<int> FirstWarmUpUsers => [.. Enumerable.Range(Users - Batch, Batch)];

    /// <summary>Users of the catalog-embedded phase's warm-up, just before the first phase's.</summary>
    public IReadOnlyList<int> CatalogWarmUpUsers => [.. Enumerable.Range(Users - Batch - CatalogWarmUpEvents, CatalogWarmUpEvents)];

    private static readonly string[] Names = ["events", "users", "batch", "concurrency", "replicas", "rabbitmq", "redis", "out"];

    public static LoadOptions Parse(string[] args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (args is not ["load", .. var options])
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

            var name = options[index][2..];
            values[Array.IndexOf(Names, name) >= 0 ? name : throw new ArgumentException($"Unknown option --{name}. {Usage}")] = options[index + 1];
        }

        var parsed = new LoadOptions(
            Number(values, "events", 10_000),
            Number(values, "users", 100_000),
            Number(values, "batch", 100),
            Number(values, "concurrency", 8),
            values.GetValueOrDefault("rabbitmq") ?? environment("TAILOR_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/tailor-load",
            values.GetValueOrDefault("redis") ?? environment("TAILOR_TEST_REDIS") ?? "127.0.0.1:6379",
            values.GetValueOrDefault("out"),
            Number(values, "replicas", 1));
        if (parsed.Events % parsed.Batch != 0)
        {
            throw new ArgumentException("--events must be a multiple of --batch.");
        }

        // Each event's latency is measured to its own user's first profile write, so the events need as many users:
        // --events for each of the two events phases, and the warm-up events of each.
        if ((2 * parsed.Events) + parsed.Batch + parsed.CatalogWarmUpEvents > parsed.Users)
        {
            throw new ArgumentException(
                $"Twice --events plus the warm-ups ({parsed.Batch + parsed.CatalogWarmUpEvents:N0} events) must not exceed --users: every event of both events phases, warm-ups included, is a different user's first purchase.");
        }

        if (!Uri.TryCreate(parsed.RabbitMq, UriKind.Absolute, out var broker) || broker.Scheme is not ("amqp" or "amqps") || broker.AbsolutePath.Trim('/').Length == 0)
        {
            throw new ArgumentException("--rabbitmq must be an amqp:// URI that names a virtual host of its own, e.g. amqp://guest:guest@127.0.0.1:5672/tailor-load.");
        }

        return parsed;
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback) =>
        !values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgumentException($"--{name} must be a positive whole number.");
}
