using System.Globalization;

namespace Tailor.Ingestion.Validation;

/// <summary>
/// The times Tailor accepts for something that happened: from <see cref="IngestionOptions.EarliestTimestamp"/> to
/// <see cref="IngestionOptions.MaxFutureSkew"/> past the server's clock. Segment calls and provider webhooks are held to
/// the same range, so no event time outside it reaches a model, a report or ContentGeneration's send ledger (an
/// engagement dated 9999 would read as the user's latest for ever).
/// </summary>
internal sealed record EventTimeRange(DateTimeOffset Now, DateTimeOffset Earliest, TimeSpan MaxFutureSkew)
{
    public static EventTimeRange From(IngestionOptions options, DateTimeOffset now) => new(now, options.EarliestTimestamp, options.MaxFutureSkew);

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
    /// The time of an event that says stop (<see cref="Contacts.ConsentChanges.SaysStop"/>). It is never refused for its
    /// time, because a refused stop is a person emailed again: a time in range is kept, and one that is missing,
    /// unreadable or out of range becomes the time it arrived. Read it without recording an error
    /// (<see cref="ObjectReader.ReadableTimestamp"/>), so the answer does not list a stop it kept as refused.
    /// </summary>
    public DateTimeOffset ForStop(DateTimeOffset? time) => time is { } value && Refusal(value) is null ? value : Now;

    /// <summary>The time of a stop sent as Unix seconds (SendGrid's and Mailgun's), as <see cref="ForStop"/> takes it.</summary>
    public DateTimeOffset ForStopUnixSeconds(double? seconds) => ForStop(FromUnixSeconds(seconds));

    /// <summary>Checks a time read from <paramref name="field"/> of <paramref name="reader"/>.</summary>
    /// <param name="hint">Added to the error, to say what the field holds (its unit).</param>
    /// <returns>The time when it is in range; null (with the error recorded on the field) when it is not, or was not read.</returns>
    public DateTimeOffset? Check(ObjectReader reader, string field, DateTimeOffset? time, string? hint = null)
    {
        if (time is not { } value || Refusal(value) is not { } refusal)
        {
            return time;
        }

        reader.Error(field, hint is null ? refusal : $"{refusal} {hint}");
        return null;
    }

    /// <summary>Checks a time read as Unix seconds (SendGrid's and Mailgun's event times); null when none was read.</summary>
    public DateTimeOffset? CheckUnixSeconds(ObjectReader reader, string field, double? seconds) =>
        Check(reader, field, FromUnixSeconds(seconds), UnixTimes.Hint);

    private static DateTimeOffset? FromUnixSeconds(double? seconds) => seconds is { } unix ? UnixTimes.FromSeconds(unix) : null;
}
