using System.ComponentModel.DataAnnotations;

namespace Tailor.SendTime;

/// <summary>Settings of the SendTime service (section <c>Tailor:SendTime</c>).</summary>
public sealed class SendTimeOptions
{
    public const string Section = "Tailor:SendTime";

    /// <summary>
    /// How many events' worth of weight the population's distribution counts for in every user's estimate (k in
    /// (counts + k · population) / (n + k)): a user with far fewer weighted events than this looks like everyone else.
    /// </summary>
    [Range(0.001, 1_000_000.0)]
    public double PriorStrength { get; set; } = 10;

    /// <summary>Weight of a click by a person: the strongest sign the user reads email at that hour.</summary>
    [Range(0.0, 1_000.0)]
    public double ClickWeight { get; set; } = 3;

    /// <summary>Weight of an open by a person; opens by privacy proxies and prefetchers are never counted.</summary>
    [Range(0.0, 1_000.0)]
    public double OpenWeight { get; set; } = 2;

    /// <summary>Weight of any tracked activity (purchase, view, text, other events): the user is active then.</summary>
    [Range(0.0, 1_000.0)]
    public double ActivityWeight { get; set; } = 1;

    /// <summary>Most messages a consumer takes as one batch.</summary>
    [Range(1, 1_000)]
    public int MessageBatchLimit { get; set; } = 100;

    /// <summary>How long a consumer waits for a batch to fill before it takes what has arrived.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan MessageBatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(50);
}
