namespace Tailor.Bench;

/// <summary>Request latencies of one run, for percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _gate = new();

    public void Add(TimeSpan latency)
    {
        lock (_gate)
        {
            _milliseconds.Add(latency.TotalMilliseconds);
        }
    }

    /// <summary>The nearest-rank percentile, in milliseconds.</summary>
    public double Percentile(double percent)
    {
        lock (_gate)
        {
            var sorted = _milliseconds.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
        }
    }
}
