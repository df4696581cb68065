using System.ComponentModel.DataAnnotations;
using Tailor.OptionsValidation;
using Tailor.Profiles;
using Tailor.SendTime.Model;
using Tailor.SendTime.Serving;

namespace Tailor.SendTime;

/// <summary>Settings of the SendTime service (section <c>Tailor:SendTime</c>).</summary>
/// <remarks>The account's clock, <c>DefaultTimeZone</c>, is <see cref="AccountClockOptions"/>'s: ContentGeneration reads it too.</remarks>
public sealed class SendTimeOptions : AccountClockOptions
{
    /// <summary>How many events' worth of the population a country's estimate starts with, until fitted on data.</summary>
    [Range(0.001, 1_000_000.0)]
    public double CohortPriorStrength { get; set; } = PriorStrengths.Defaults.Cohort;

    /// <summary>How many events' worth of their country's hours of the day a user starts with, until fitted on data.</summary>
    [Range(0.001, 1_000_000.0)]
    public double DayPriorStrength { get; set; } = PriorStrengths.Defaults.Day;

    /// <summary>How many events' worth of their own hours of the day a user's hours of the week start with, until fitted on data.</summary>
    [Range(0.001, 1_000_000.0)]
    public double WeekPriorStrength { get; set; } = PriorStrengths.Defaults.Week;

    /// <summary>Whether a training request fits the three strengths on the stored counts (otherwise the configured ones stay).</summary>
    public bool FitPriorStrengths { get; set; } = true;

    /// <summary>Most users the fit reads (a uniform sample of those with two or more events).</summary>
    [Range(10, 10_000_000)]
    public int FitSampleUsers { get; set; } = 20_000;

    /// <summary>
    /// How fast old evidence gives way to new in the shape of a user's hours (<c>RecentEvidence</c>): an occurrence this
    /// long before the user's newest counts half as much. It changes where a user's hours are, not how much evidence
    /// they rest on. Chosen on April to July 2011 of Online Retail (docs/models.md); zero turns it off.
    /// </summary>
    [TimeSpanRange("00:00:00", "3650.00:00:00")]
    public TimeSpan RecencyHalfLife { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Weight of a click by a person: the strongest sign the user reads email at that hour.</summary>
    [Range(0.0, 1_000.0)]
    public double ClickWeight { get; set; } = 3;

    /// <summary>Weight of an open by a person; opens by privacy proxies and prefetchers are never counted.</summary>
    [Range(0.0, 1_000.0)]
    public double OpenWeight { get; set; } = 2;

    /// <summary>Weight of any tracked activity (purchase, view, text, other events): the user is active then.</summary>
    [Range(0.0, 1_000.0)]
    public double ActivityWeight { get; set; } = 1;

    /// <summary>
    /// Whether the preference is scaled by each hour's engagement rate for Tailor's own deliveries (see
    /// <c>SendOutcomes</c>); off, an open right after delivery counts as activity at its hour, as any open does.
    /// </summary>
    public bool LearnFromSendOutcomes { get; set; } = true;

    /// <summary>How many deliveries at the user's overall engagement rate each hour starts with: larger moves slower.</summary>
    [Range(0.1, 10_000.0)]
    public double SendOutcomePriorDeliveries { get; set; } = 10;

    /// <summary>
    /// Where <c>eval send-time --save-model</c> wrote the model the offline evaluation chose (hierarchy-week,
    /// hierarchy-day or the learned gbt). Unset: the hierarchy over the hours of the week serves.
    /// </summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Most messages a consumer takes as one batch.</summary>
    [Range(1, 1_000)]
    public int MessageBatchLimit { get; set; } = 100;

    /// <summary>How long a consumer waits for a batch to fill before it takes what has arrived.</summary>
    [TimeSpanRange("00:00:00.001", "00:00:10")]
    public TimeSpan MessageBatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How many of a user's most recent event ids their state keeps (<c>UserSendTimeState.AppliedEvents</c>) to skip a
    /// copy of an event it already counted. A copy that gets past the stream's record-once check races the first within
    /// a batch or two, so twice the largest batch (and never fewer than 256) is kept; a batch that waited longer, its
    /// write losing races, asks the stream again (<c>SendTimeLearner</c>).
    /// </summary>
    public int AppliedEventsKept => Math.Max(256, 2 * MessageBatchLimit);

    /// <summary>The configured strengths, used until the first fit.</summary>
    public PriorStrengths DefaultPriorStrengths => new(CohortPriorStrength, DayPriorStrength, WeekPriorStrength);

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var clockProblem in base.Validate(validationContext))
        {
            yield return clockProblem;
        }

        if (!string.IsNullOrWhiteSpace(ModelDirectory))
        {
            if (!ServedModelChoice.TryRead(ModelDirectory, out _, out var problem))
            {
                yield return new ValidationResult($"{nameof(ModelDirectory)}: {problem}", [nameof(ModelDirectory)]);
            }
        }
    }
}
