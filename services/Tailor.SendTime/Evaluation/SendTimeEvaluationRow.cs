namespace Tailor.SendTime.Evaluation;

/// <summary>One model on one segment of test users: the mean share of each user's test occurrences within ±1 hour of the send hour.</summary>
/// <param name="Segment"><c>all</c>, <c>no_history</c> (no training occurrence) or <c>under_3_events</c> (fewer than three, those included).</param>
/// <param name="Users">How many users (user-months when months are pooled) the mean is over.</param>
/// <param name="VsGlobal">The relative gain over <c>global-hour</c> on the same users.</param>
/// <param name="VsGlobalLow">The 2.5th percentile of that gain over bootstrap resamples of the customers.</param>
/// <param name="VsGlobalHigh">The 97.5th percentile.</param>
public sealed record SendTimeEvaluationRow(
    string Model, string Segment, double HitRate1h, int Users, double VsGlobal = 0, double VsGlobalLow = 0, double VsGlobalHigh = 0);
