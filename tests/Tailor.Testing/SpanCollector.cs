using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace Tailor.Testing;

/// <summary>
/// Where in-memory exporters put their finished spans, safe to read while they add. Activity listeners are
/// process-wide, so with several hosts in one test process each host's tracer provider sees every span; keyed by span
/// id, each is kept once.
/// </summary>
public sealed class SpanCollector : ICollection<Activity>
{
    private readonly ConcurrentDictionary<ActivitySpanId, Activity> _spans = new();

    public int Count => _spans.Count;

    public bool IsReadOnly => false;

    /// <summary>Every finished span of one trace.</summary>
    public IReadOnlyList<Activity> Trace(ActivityTraceId traceId) => [.. _spans.Values.Where(span => span.TraceId == traceId)];

    public IReadOnlyList<Activity> All() => [.. _spans.Values];

    public void Add(Activity item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _spans.TryAdd(item.SpanId, item);
    }

    public void Clear() => _spans.Clear();

    public bool Contains(Activity item) => item is not null && _spans.ContainsKey(item.SpanId);

    public void CopyTo(Activity[] array, int arrayIndex) => _spans.Values.ToArray().CopyTo(array, arrayIndex);

    public bool Remove(Activity item) => item is not null && _spans.TryRemove(item.SpanId, out _);

    public IEnumerator<Activity> GetEnumerator() => _spans.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
