using Tailor.ContentGeneration;
using Tailor.Embedding;
using Tailor.Ingestion;
using Tailor.Recommendation;
using Tailor.SampleSender;
using Tailor.SendTime;
using Tailor.Topic;

namespace Tailor.Host.Hosting;

/// <summary>
/// The services one process runs, chosen by <c>Tailor:Target</c>: <c>all</c> or a comma-separated list of names,
/// the way Loki and Mimir run as one process or as many. <c>all</c> may be one of the names (<c>all,sender</c>).
/// </summary>
public static class ServiceTargets
{
    public const string ConfigurationKey = "Tailor:Target";
    public const string All = "all";

    /// <summary>The sample SMTP sender: runs only when named, never as part of <c>all</c>.</summary>
    public const string Sender = "sender";

    private static readonly Dictionary<string, Func<IHostApplicationBuilder, IHostApplicationBuilder>> Registrations =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["ingestion"] = builder => builder.AddIngestion(),
            ["embedding"] = builder => builder.AddEmbedding(),
            ["topic"] = builder => builder.AddTopic(),
            ["recommendation"] = builder => builder.AddRecommendation(),
            ["sendtime"] = builder => builder.AddSendTime(),
            ["contentgeneration"] = builder => builder.AddContentGeneration(),
        };

    // Production senders are the customer's own; this one is for trying Tailor out and as an example to copy.
    private static readonly Dictionary<string, Func<IHostApplicationBuilder, IHostApplicationBuilder>> OptInRegistrations =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [Sender] = builder => builder.AddSampleSender(),
        };

    /// <summary>The services <c>all</c> runs.</summary>
    public static IReadOnlyCollection<string> Names => Registrations.Keys;

    /// <summary>Parses a target value; unknown names fail with the list of valid ones.</summary>
    public static IReadOnlyList<string> Parse(string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return [.. Registrations.Keys];
        }

        var names = target.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.Replace("-", string.Empty, StringComparison.Ordinal))
            .SelectMany(name => name.Equals(All, StringComparison.OrdinalIgnoreCase) ? (IEnumerable<string>)Registrations.Keys : [name])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var unknown = names.Where(name => Registration(name) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Unknown target '{string.Join("', '", unknown)}'. Use '{All}' or a comma-separated list of: " +
                $"{string.Join(", ", Registrations.Keys)}; add '{Sender}' (the sample SMTP sender) to run it too.");
        }

        return names;
    }

    /// <summary>Registers the services named by <c>Tailor:Target</c> and returns their names.</summary>
    public static IReadOnlyList<string> AddTargets(this IHostApplicationBuilder builder)
    {
        var targets = Parse(builder.Configuration[ConfigurationKey]);
        foreach (var target in targets)
        {
            Registration(target)!(builder);
        }

        return targets;
    }

    private static Func<IHostApplicationBuilder, IHostApplicationBuilder>? Registration(string name) =>
        Registrations.TryGetValue(name, out var registration) || OptInRegistrations.TryGetValue(name, out registration)
            ? registration
            : null;
}
