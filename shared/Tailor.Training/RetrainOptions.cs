using System.ComponentModel.DataAnnotations;
using Tailor.OptionsValidation;

namespace Tailor.Training;

/// <summary>When a service retrains on its own; bound per service, for example <c>Tailor:Recommendation:Retrain</c>.</summary>
public sealed class RetrainOptions
{
    /// <summary>Retrain once this many events arrived since the current model was trained.</summary>
    [Range(1, long.MaxValue)]
    public long MinNewEvents { get; set; } = 10_000;

    /// <summary>Retrain a model older than this, provided anything new arrived since.</summary>
    [TimeSpanRange("00:00:01", "365.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often the scheduler looks at the two thresholds.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
