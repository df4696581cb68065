using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Validation;

/// <summary>
/// The shared <see cref="EventTimeRange"/> applied to what a request's fields hold: an out-of-range time is recorded as
/// the field's error. A stop's time is read without recording one (<see cref="ObjectReader.ReadableTimestamp"/>), so the
/// answer does not list a stop it kept (<see cref="EventTimeRange.ForStop"/>) as refused.
/// </summary>
internal static class EventTimeChecks
{
    extension(EventTimeRange range)
    {
        /// <summary>The time of a stop sent as Unix seconds (SendGrid's and Mailgun's), as <see cref="EventTimeRange.ForStop"/> takes it.</summary>
        public DateTimeOffset ForStopUnixSeconds(double? seconds) => range.ForStop(FromUnixSeconds(seconds));

        /// <summary>Checks a time read from <paramref name="field"/> of <paramref name="reader"/>.</summary>
        /// <param name="hint">Added to the error, to say what the field holds (its unit).</param>
        /// <returns>The time when it is in range; null (with the error recorded on the field) when it is not, or was not read.</returns>
        public DateTimeOffset? Check(ObjectReader reader, string field, DateTimeOffset? time, string? hint = null)
        {
            if (time is not { } value || range.Refusal(value) is not { } refusal)
            {
                return time;
            }

            reader.Error(field, hint is null ? refusal : $"{refusal} {hint}");
            return null;
        }

        /// <summary>Checks a time read as Unix seconds (SendGrid's and Mailgun's event times); null when none was read.</summary>
        public DateTimeOffset? CheckUnixSeconds(ObjectReader reader, string field, double? seconds) =>
            range.Check(reader, field, FromUnixSeconds(seconds), UnixTimes.Hint);
    }

    private static DateTimeOffset? FromUnixSeconds(double? seconds) => seconds is { } unix ? UnixTimes.FromSeconds(unix) : null;
}
