namespace Tailor.SendTime.Evaluation;

/// <summary>One model on one segment of test users: the mean share of each user's test activity within ±1 hour of the predicted time.</summary>
/// <param name="Segment"><c>all</c>, or <c>under_3_events</c> for users with fewer than three training events.</param>
public sealed record SendTimeEvaluationRow(string Model, string Segment, double HitRate1h, int Users);
