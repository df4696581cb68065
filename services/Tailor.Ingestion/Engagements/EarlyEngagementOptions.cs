using System.ComponentModel.DataAnnotations;
using Tailor.OptionsValidation;

namespace Tailor.Ingestion.Engagements;

/// <summary>
/// How long and how much Ingestion holds of the engagements that arrive before their email is stored (section
/// <c>Tailor:Ingestion:EarlyEngagements</c>; see <see cref="EarlyEngagements"/>).
/// </summary>
public sealed class EarlyEngagementOptions
{
    public const string Section = "Tailor:Ingestion:EarlyEngagements";

    /// <summary>
    /// How long an engagement waits for its email: ContentGeneration's <c>EmailsWritten</c> normally follows its
    /// <c>EmailReady</c> within seconds, and a day covers a long outage of Ingestion's consumers. An email never stored
    /// (not Tailor's, or its user erased) keeps nothing longer. At most a week: a release reads one document per day held.
    /// </summary>
    [TimeSpanRange("00:01:00", "7.00:00:00")]
    public TimeSpan Hold { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The most engagements one email holds a day (a delivery, opens and clicks come to a handful): a provider's retry
    /// storm or a scanner following every link cannot grow its document without bound. A retried event is held once.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxPerEmail { get; set; } = 100;

    /// <summary>How often each replica deletes the held documents of days past <see cref="Hold"/> (and once as it starts).</summary>
    [TimeSpanRange("00:00:10", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
