using System.Globalization;

namespace Tailor.Messaging.Rules;

/// <summary>
/// The times Tailor accepts for something that happened: from <see cref="EventTimeOptions.EarliestTimestamp"/> to
/// <see cref="EventTimeOptions.MaxFutureSkew"/> past the server's clock; and for a campaign's send window, a start no
/// earlier than that and an end at most <see cref="EventTimeOptions.MaxSendWindowAhead"/> ahead. Segment calls,
/// provider webhooks and messages taken from the bus are held to the same range, so no event time outside it reaches a
/// model, a report or ContentGeneration's send ledger (an engagement dated 9999 would read as the user's latest for
/// ever, and an identify dated 9999 would outrank every later unsubscribe).
/// </summary>
public sealed record EventTimeRange(DateTimeOffset Now, DateTimeOffset Earliest, TimeSpan MaxFutureSkew, TimeSpan MaxSendWindowAhead)
{
    public static EventTimeRange From(EventTimeOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(now, options.EarliestTimestamp, options.MaxFutureSkew, options.MaxSendWindowAhead);
    }

    /// <returns>Null when <paramref name="time"/> is in range, else why not, written as the error of the field that holds it.</returns>
    public string? Refusal(DateTimeOffset time)
    {
        if (time > Now + MaxFutureSkew)
        {
            return $"Is more than {Durations.Readable(MaxFutureSkew)} ahead of this server's clock (Tailor:Ingestion:MaxFutureSkew); check the sender's clock.";
        }

        return time < Earliest
            ? string.Create(CultureInfo.InvariantCulture, $"Is before {Earliest:yyyy-MM-dd}, the earliest accepted (Tailor:Ingestion:EarliestTimestamp).")
            : null;
    }

    /// <summary>
    /// The time of an event that says stop (<see cref="ConsentChanges.SaysStop"/>). It is never refused for its time,
    /// because a refused stop is a person emailed again: a time in range is kept, and one that is missing, unreadable or
    /// out of range becomes the time it arrived.
    /// </summary>
    public DateTimeOffset ForStop(DateTimeOffset? time) => time is { } value && Refusal(value) is null ? value : Now;

    /// <summary>
    /// Null when a send window may start at <paramref name="start"/>, else why not: a replay of old data may place its
    /// campaigns in the past, as its events are, but not before the earliest accepted time.
    /// </summary>
    public string? WindowStartRefusal(DateTimeOffset start) =>
        start < Earliest
            ? string.Create(CultureInfo.InvariantCulture, $"Must not be before {Earliest:yyyy-MM-dd}, the earliest accepted (Tailor:Ingestion:EarliestTimestamp).")
            : null;

    /// <summary>
    /// Null when a send window starting at <paramref name="start"/> may end at <paramref name="end"/>, else why not.
    /// ContentGeneration places each send inside the window; an end in year 9999 could not even be planned.
    /// </summary>
    public string? WindowEndRefusal(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            return "Must be after start.";
        }

        return end > Now + MaxSendWindowAhead
            ? $"Must be at most {Durations.Readable(MaxSendWindowAhead)} ahead of this server's clock (Tailor:Ingestion:MaxSendWindowAhead): the emails are written now, from today's catalog."
            : null;
    }
}
