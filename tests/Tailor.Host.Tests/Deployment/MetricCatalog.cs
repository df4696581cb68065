using System.Text.RegularExpressions;
using MassTransit.Monitoring;

namespace Tailor.Host.Tests.Deployment;

/// <summary>
/// The Prometheus names of every metric Tailor exports, as the collector's Prometheus exporter writes them: dots become
/// underscores, the unit becomes a suffix (s: _seconds, ms: _milliseconds, 1 on a gauge: _ratio, {annotations}: none),
/// counters end in _total, and histograms are read through _bucket, _sum and _count.
/// </summary>
internal static partial class MetricCatalog
{
    /// <summary>
    /// Metrics the dashboard and alerts use that the code does not define yet (the instrumentation issue adds them).
    /// Each name is what we expect the instrument to be called; once the code defines it, remove it from here.
    /// </summary>
    public static readonly IReadOnlyList<Instrument> Planned = [];

    /// <summary>RabbitMQ's own queue metrics (its Prometheus plugin, per-object endpoint): queue depth and consumers.</summary>
    public static readonly IReadOnlySet<string> Broker = new HashSet<string>(StringComparer.Ordinal)
    {
        "rabbitmq_queue_messages",
        "rabbitmq_queue_messages_ready",
        "rabbitmq_queue_messages_unacked",
        "rabbitmq_queue_consumers",
    };

    public sealed record Instrument(string Name, string Kind, string? Unit);

    /// <summary>Every instrument the C# sources under services/ and shared/ create.</summary>
    public static IReadOnlyList<Instrument> FromSources()
    {
        var sources = new[] { "services", "shared" }
            .SelectMany(folder => Directory.EnumerateFiles(DeployFiles.PathOf(folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var constants = sources.SelectMany(source => ConstantPattern().Matches(source))
            .GroupBy(match => match.Groups["name"].Value)
            .ToDictionary(group => group.Key, group => group.First().Groups["value"].Value, StringComparer.Ordinal);

        var instruments = new List<Instrument>();
        foreach (var source in sources)
        {
            foreach (Match match in CreatePattern().Matches(source))
            {
                var kind = match.Groups["kind"].Value;
                var arguments = Arguments(source, match.Index + match.Length);
                var name = Resolve(arguments[0], constants);
                // Observable instruments take their callback second, so the unit is third.
                var unitIndex = kind.StartsWith("Observable", StringComparison.Ordinal) ? 2 : 1;
                var named = arguments.FirstOrDefault(argument => argument.StartsWith("unit:", StringComparison.Ordinal));
                var unit = named is not null
                    ? Unquote(named["unit:".Length..].Trim())
                    : arguments.Count > unitIndex && arguments[unitIndex].StartsWith('"') ? Unquote(arguments[unitIndex]) : null;
                instruments.Add(new Instrument(name, kind, unit));
            }
        }

        return instruments;
    }

    /// <summary>MassTransit's instruments under the names its default options give them (counters in "ea", durations in "ms").</summary>
    public static IReadOnlyList<Instrument> MassTransit()
    {
        var options = new InstrumentationOptions();
        new ConfigureDefaultInstrumentationOptions().Configure(options);
        return typeof(InstrumentationOptions).GetProperties()
            .Where(property => property.PropertyType == typeof(string) && !property.Name.EndsWith("Label", StringComparison.Ordinal)
                && property.Name != nameof(InstrumentationOptions.ServiceName))
            .Select(property => property.GetValue(options) as string)
            .OfType<string>() // the defaults leave a few unset (publish counts), and those are not exported
            .Select(name => name.EndsWith(".duration", StringComparison.Ordinal)
                ? new Instrument(name, "Histogram", "ms")
                : new Instrument(name, "Counter", "ea"))
            .ToList();
    }

    /// <summary>Every name a query may use: the code's, MassTransit's, the planned ones and the broker's.</summary>
    public static IReadOnlySet<string> Known(bool includePlanned = true)
    {
        var instruments = FromSources().Concat(MassTransit());
        if (includePlanned)
        {
            instruments = instruments.Concat(Planned);
        }

        var names = new HashSet<string>(instruments.SelectMany(PrometheusNames), StringComparer.Ordinal);
        names.UnionWith(Broker);
        return names;
    }

    public static IEnumerable<string> PrometheusNames(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_');
        var isGauge = instrument.Kind is "Gauge" or "ObservableGauge";
        var suffix = instrument.Unit switch
        {
            null or "" => null,
            "s" => "seconds",
            "ms" => "milliseconds",
            "By" => "bytes",
            "1" => isGauge ? "ratio" : null,
            var unit when unit.StartsWith('{') => null,
            var unit => unit,
        };
        if (suffix is not null && !name.Split('_').Contains(suffix))
        {
            name = $"{name}_{suffix}";
        }

        return instrument.Kind switch
        {
            "Counter" or "ObservableCounter" => [$"{name}_total"],
            "Histogram" => [$"{name}_bucket", $"{name}_sum", $"{name}_count"],
            _ => [name],
        };
    }

    /// <summary>The metric names a PromQL expression reads: what is left once label matchers, groupings and strings are gone.</summary>
    public static IEnumerable<string> Queried(string expression)
    {
        var bare = MatcherPattern().Replace(expression, " ");
        bare = GroupingPattern().Replace(bare, " ");
        bare = StringPattern().Replace(bare, " ");
        return IdentifierPattern().Matches(bare)
            .Select(match => match.Value)
            .Where(name => name.StartsWith("tailor_", StringComparison.Ordinal)
                || name.StartsWith("messaging_", StringComparison.Ordinal)
                || name.StartsWith("rabbitmq_", StringComparison.Ordinal))
            .Distinct();
    }

    private static string Resolve(string argument, Dictionary<string, string> constants)
    {
        if (argument.StartsWith('"'))
        {
            return Unquote(argument);
        }

        var identifier = argument.Split('.')[^1];
        return constants.TryGetValue(identifier, out var value)
            ? value
            : throw new InvalidOperationException($"Instrument name '{argument}' is neither a literal nor a string constant.");
    }

    private static string Unquote(string literal) => literal.Trim().Trim('"');

    /// <summary>The top-level arguments of a call whose opening parenthesis ends just before <paramref name="start"/>.</summary>
    private static List<string> Arguments(string source, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var inString = false;
        var current = start;
        for (var i = start; i < source.Length; i++)
        {
            var c = source[i];
            if (inString)
            {
                inString = c != '"' || source[i - 1] == '\\';
                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}' when depth > 0:
                    depth--;
                    break;
                case ')':
                    arguments.Add(source[current..i].Trim());
                    return arguments;
                case ',' when depth == 0:
                    arguments.Add(source[current..i].Trim());
                    current = i + 1;
                    break;
            }
        }

        throw new InvalidOperationException("Unbalanced instrument call.");
    }

    [GeneratedRegex(@"\.Create(?<kind>Counter|Histogram|Gauge|UpDownCounter|ObservableCounter|ObservableGauge|ObservableUpDownCounter)(?:<[^>()]*>)?\(")]
    private static partial Regex CreatePattern();

    [GeneratedRegex(@"const\s+string\s+(?<name>\w+)\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex ConstantPattern();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex MatcherPattern();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex GroupingPattern();

    [GeneratedRegex(@"""[^""]*""")]
    private static partial Regex StringPattern();

    [GeneratedRegex(@"[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex IdentifierPattern();
}
