namespace Tailor.SendTime;

/// <summary>Where SendTime keeps what it owns.</summary>
public static class SendTimeNames
{
    /// <summary>The service's own event stream: every message it handled, recorded once its effects are done (idempotency).</summary>
    public const string Stream = "sendtime";

    /// <summary>Per-user weighted counts by local hour of week, keyed by user id.</summary>
    public const string UsersCollection = "sendtime.users";

    /// <summary>Everyone's weighted counts by local hour of week (the top of the hierarchy), the open latency and the fitted prior strengths.</summary>
    public const string PopulationCollection = "sendtime.population";

    public const string PopulationId = "all";

    public const string LatencyId = "open-latency";

    public const string PriorStrengthsId = "prior-strengths";

    /// <summary>Each country's weighted counts by local hour of week, keyed by the upper-cased country.</summary>
    public const string CohortsCollection = "sendtime.cohorts";
}
