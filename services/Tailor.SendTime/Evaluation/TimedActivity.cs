namespace Tailor.SendTime.Evaluation;

/// <summary>A user was active at a time (a purchase, a view, an open): what send-time models learn from and are judged on.</summary>
public sealed record TimedActivity(string UserId, DateTimeOffset At);
