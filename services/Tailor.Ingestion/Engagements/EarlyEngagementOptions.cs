using System.ComponentModel.DataAnnotations;
using Tailor.OptionsValidation;

namespace Tailor.Ingestion.Engagements;

/// <summary>
/// How long and how much Ingestion holds of the engagements that arrive before their email is stored (section
/// <c>Tailor:Ingestion:EarlyEngagements</c>; see <see cref="EarlyEngagements"/>).
/// </summary>
public sealed class EarlyEngagementOptions : IValidatableObject
{
    public const string Section = "Tailor:Ingestion:EarlyEngagements";

    /// <summary>
    /// How long an engagement waits for its email: ContentGeneration's <c>EmailsWritten</c> normally follows its
    /// <c>EmailReady</c> within seconds, and a day covers a long outage of Ingestion's consumers. An email never stored
    /// (not Tailor's, or its user erased) keeps nothing longer. At most a week: erasure deletes one document an email per day held, and a release of an email stored late reads as many.
    /// </summary>
    [TimeSpanRange("00:01:00", "7.00:00:00")]
    public TimeSpan Hold { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an unsubscribe or resubscribe made through the email's own link waits for its email: longer than
    /// <see cref="Hold"/>, because a consent change must not be lost with an open or a click (mailbox providers expect an
    /// unsubscribe honoured within two days). One that waits this long is dropped, logged at Warning and counted
    /// (<c>consent_expired</c>), for an operator to alert on. At most a week, as <see cref="Hold"/>, and never shorter.
    /// </summary>
    [TimeSpanRange("00:01:00", "7.00:00:00")]
    public TimeSpan ConsentHold { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The most engagements one email holds a day (a delivery, opens and clicks come to a handful): a provider's retry
    /// storm or a scanner following every link cannot grow its document without bound. A retried event is held once.
    /// Unsubscribes and resubscribes, a provider's or a press of the email's link, are never refused and do not count: a
    /// provider's event is held once, a press repeated is held once, and the link's rate limit bounds the rest.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxPerEmail { get; set; } = 100;

    /// <summary>How often each replica deletes the held documents of days past <see cref="Hold"/> (and once as it starts).</summary>
    [TimeSpanRange("00:00:10", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest anything waits: what a release reads and the sweep keeps.</summary>
    internal TimeSpan LongestHold => ConsentHold > Hold ? ConsentHold : Hold;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConsentHold < Hold)
        {
            yield return new ValidationResult(
                $"The '{nameof(ConsentHold)}' ({ConsentHold}) must not be shorter than the '{nameof(Hold)}' ({Hold}): consent changes wait at least as long as engagements.",
                [nameof(ConsentHold)]);
        }
    }
}
