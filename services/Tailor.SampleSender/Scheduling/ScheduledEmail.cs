using Tailor.Contracts;

namespace Tailor.SampleSender.Scheduling;

/// <summary>An email parked in the document store until it comes due.</summary>
/// <param name="DueAt">Its <c>SendAt</c>, or when to try SMTP again after an outage.</param>
/// <param name="OutageAttempts">How many outages it has been parked through (0: parked for its send time).</param>
public sealed record ScheduledEmail(EmailReady Email, DateTimeOffset DueAt, int OutageAttempts)
{
    /// <summary>
    /// When to send it back to the queue: <paramref name="maxHold"/> before its send time, so the consumer holds it the
    /// last stretch and sends it on time; after an outage, at <see cref="DueAt"/> itself.
    /// </summary>
    public DateTimeOffset HandOverAt(TimeSpan maxHold) => OutageAttempts == 0 ? DueAt - maxHold : DueAt;
}
