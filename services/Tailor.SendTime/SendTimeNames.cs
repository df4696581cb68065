namespace Tailor.SendTime;

/// <summary>Where SendTime keeps what it owns.</summary>
public static class SendTimeNames
{
    /// <summary>The service's own event stream: every message it handled, recorded once its effects are done (idempotency).</summary>
    public const string Stream = "sendtime";

    /// <summary>Per-user weighted counts by hour of week, keyed by user id.</summary>
    public const string UsersCollection = "sendtime.users";

    /// <summary>Everyone's weighted counts by hour of week: the prior every user is smoothed towards.</summary>
    public const string PopulationCollection = "sendtime.population";

    public const string PopulationId = "all";
}
