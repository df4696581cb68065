using Tailor.OptionsValidation;

namespace Tailor.Messaging.Rules;

/// <summary>
/// The times Tailor accepts (<see cref="EventTimeRange"/>), read by every service: Ingestion holds HTTP calls and
/// webhooks to them, and every consumer holds what it takes from the bus to them, so a message published straight onto
/// the bus is refused where Ingestion would have refused it. The keys keep the section they were first configured in,
/// <c>Tailor:Ingestion</c>; in a distributed deployment set them in the configuration every service reads.
/// </summary>
public sealed class EventTimeOptions
{
    public const string Section = "Tailor:Ingestion";

    /// <summary>Events dated earlier are refused. Old-but-real data is welcome: Tailor replays history such as 2010's Online Retail set.</summary>
    public DateTimeOffset EarliestTimestamp { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far past the server's clock a (skew-corrected) timestamp may be.</summary>
    [TimeSpanRange("00:00:00", "30.00:00:00")]
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How far past the server's clock a campaign's send window may end. Its emails are written when it is requested,
    /// from that day's catalog, prices and recommendations, so a send much later would show what no longer holds.
    /// </summary>
    [TimeSpanRange("1.00:00:00", "3650.00:00:00")]
    public TimeSpan MaxSendWindowAhead { get; set; } = TimeSpan.FromDays(365);
}
