using System.Diagnostics;

namespace Tailor.EndToEnd.Tests.Tracing;

/// <summary>The spans of one trace, with the questions the trace test asks of them.</summary>
public sealed class TraceTree(IReadOnlyList<Activity> spans)
{
    // Each service's queues start with the prefix its registration declares (see "Queue names" in docs/architecture.md).
    private static readonly Dictionary<string, string> QueuePrefixes = new(StringComparer.Ordinal)
    {
        ["ingestion"] = "tailor-ingestion-",
        ["embedding"] = "tailor-embedding-",
        ["topic"] = "tailor-topic-",
        ["recommendation"] = "tailor-recommendation-",
        ["sendtime"] = "tailor-send-time-",
        ["contentgeneration"] = "tailor-content-generation-",
    };

    public IReadOnlyList<Activity> Spans => spans;

    /// <summary>Spans whose parent is not in the trace; a whole tree has exactly one, its root.</summary>
    public IReadOnlyList<Activity> Orphans()
    {
        var ids = spans.Select(span => span.SpanId).ToHashSet();
        return [.. spans.Where(span => span.ParentSpanId != default && !ids.Contains(span.ParentSpanId))];
    }

    public IReadOnlyList<Activity> Roots() => [.. spans.Where(span => span.ParentSpanId == default)];

    /// <summary>The services that received a message of this trace from their own queue.</summary>
    public IReadOnlySet<string> ConsumingServices() =>
        spans.Where(span => Tag(span, "messaging.operation") == "receive")
            .Select(span => Tag(span, "messaging.destination.name") ?? string.Empty)
            .SelectMany(queue => QueuePrefixes.Where(prefix => queue.StartsWith(prefix.Value, StringComparison.Ordinal)).Select(prefix => prefix.Key))
            .ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<Activity> Sends(string messageType) =>
        [.. spans.Where(span => Tag(span, "messaging.operation") == "send" && Tag(span, "messaging.destination.name") == $"Tailor.Contracts:{messageType}")];

    public IReadOnlyList<Activity> From(string source, string? name = null) =>
        [.. spans.Where(span => span.Source.Name == source && (name is null || span.DisplayName == name))];

    public static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();

    public string Describe() =>
        string.Join("\n", spans.OrderBy(span => span.StartTimeUtc).Take(60).Select(span => $"{span.SpanId} <- {span.ParentSpanId} [{span.Source.Name}] {span.DisplayName}"));
}
