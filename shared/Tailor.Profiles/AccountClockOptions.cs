using System.ComponentModel.DataAnnotations;

namespace Tailor.Profiles;

/// <summary>
/// The account's clock (key <c>Tailor:SendTime:DefaultTimeZone</c>): the zone of users with neither a <c>timezone</c>
/// trait nor a known country. SendTime keeps such users' hours on it, and ContentGeneration plans on it, through
/// <see cref="UserClock"/>, for a user SendTime has written no slice for yet, so both read one key with one rule. It
/// keeps the section it was first configured in; in a distributed deployment set it where both services read it.
/// </summary>
public class AccountClockOptions : IValidatableObject
{
    public const string Section = "Tailor:SendTime";

    /// <summary>An IANA zone id (a Windows id is taken and read as its IANA zone).</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary><see cref="DefaultTimeZone"/> as a zone (UTC when it names none; validation refuses that at start).</summary>
    public TimeZoneInfo AccountTimeZone => TimeZoneResolver.Find(DefaultTimeZone) ?? TimeZoneInfo.Utc;

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TimeZoneResolver.Find(DefaultTimeZone) is null)
        {
            yield return new ValidationResult(
                $"{nameof(DefaultTimeZone)} '{DefaultTimeZone}' is not a time zone this machine knows; use an IANA id such as 'Europe/London'.",
                [nameof(DefaultTimeZone)]);
        }
    }
}
