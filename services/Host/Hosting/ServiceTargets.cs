using Microsoft.Extensions.Hosting;
using Tailor.ContentGeneration;
using Tailor.Embedding;
using Tailor.Ingestion;
using Tailor.Recommendation;
using Tailor.SendTime;
using Tailor.Topic;

namespace Tailor.Host.Hosting;

/// <summary>
/// The services one process runs, chosen by <c>Tailor:Target</c>: <c>all</c> or a comma-separated list of names,
/// the way Loki and Mimir run as one process or as many.
/// </summary>
public static class ServiceTargets
{
    public const string ConfigurationKey = "Tailor:Target";
    public const string All = "all";

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

    public static IReadOnlyCollection<string> Names => Registrations.Keys;

    /// <summary>Parses a target value; unknown names fail with the list of valid ones.</summary>
    public static IReadOnlyList<string> Parse(string? target)
    {
        if (string.IsNullOrWhiteSpace(target) || target.Trim().Equals(All, StringComparison.OrdinalIgnoreCase))
        {
            return [.. Registrations.Keys];
        }

        var names = target.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.Replace("-", string.Empty, StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var unknown = names.Where(name => !Registrations.ContainsKey(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Unknown target '{string.Join("', '", unknown)}'. Use '{All}' or a comma-separated list of: {string.Join(", ", Registrations.Keys)}.");
        }

        return names;
    }

    /// <summary>Registers the services named by <c>Tailor:Target</c> and returns their names.</summary>
    public static IReadOnlyList<string> AddTargets(this IHostApplicationBuilder builder)
    {
        var targets = Parse(builder.Configuration[ConfigurationKey]);
        foreach (var target in targets)
        {
            Registrations[target](builder);
        }

        return targets;
    }
}
