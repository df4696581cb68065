namespace Tailor.Bench;

/// <param name="Accepted">Until the last event was acknowledged (HTTP 200, or publish confirmed by the broker).</param>
/// <param name="Consumed">Until a consumer on the broker had received every event.</param>
internal sealed record RunResult(string Name, int Events, TimeSpan Accepted, TimeSpan Consumed, Latencies? Latencies)
{
    public double AcceptedPerSecond => Events / Accepted.TotalSeconds;

    public double ConsumedPerSecond => Events / Consumed.TotalSeconds;
}
