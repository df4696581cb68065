using System.ComponentModel.DataAnnotations;
using Tailor.Profiles;

namespace Tailor.ContentGeneration.Personalization;

/// <summary>How each email's send time is placed inside its campaign's window (section <c>Tailor:ContentGeneration:SendSchedule</c>).</summary>
public sealed class SendScheduleOptions : IValidatableObject
{
    public const string Section = "Tailor:ContentGeneration:SendSchedule";

    /// <summary>Width of the send window in whole hours: the best such window inside the campaign's, on the user's clock.</summary>
    [Range(1, 24)]
    public int WindowHours { get; set; } = SendSchedule.Default.WindowHours;

    /// <summary>Local hour quiet hours begin; no email is placed from then until <see cref="QuietHoursEnd"/>.</summary>
    [Range(0, 23)]
    public int? QuietHoursStart { get; set; } = SendSchedule.Default.QuietHoursStart;

    /// <summary>Local hour quiet hours end (exclusive); before the start means they run past midnight.</summary>
    [Range(0, 23)]
    public int? QuietHoursEnd { get; set; } = SendSchedule.Default.QuietHoursEnd;

    /// <summary>Thompson sampling over send windows, so users with little evidence are sent at hours that teach SendTime something.</summary>
    public bool Explore { get; set; } = SendSchedule.Default.Explore;

    public SendSchedule Schedule => new(WindowHours, QuietHoursStart, QuietHoursEnd, Explore);

    // SendSchedule reads one bound without the other, or both equal, as no quiet hours at all: refused here, since an
    // operator who set either meant to have some.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (QuietHoursStart.HasValue != QuietHoursEnd.HasValue)
        {
            yield return new ValidationResult(
                $"Set both {nameof(QuietHoursStart)} and {nameof(QuietHoursEnd)} (local hours 0-23), or leave both empty for no quiet hours.",
                [nameof(QuietHoursStart), nameof(QuietHoursEnd)]);
        }
        else if (QuietHoursStart == QuietHoursEnd && QuietHoursStart.HasValue)
        {
            yield return new ValidationResult(
                $"{nameof(QuietHoursStart)} and {nameof(QuietHoursEnd)} are both {QuietHoursStart}: quiet hours need two different hours, or leave both empty for none.",
                [nameof(QuietHoursStart), nameof(QuietHoursEnd)]);
        }
    }
}
