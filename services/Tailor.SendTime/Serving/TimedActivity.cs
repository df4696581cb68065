namespace Tailor.SendTime.Serving;

/// <summary>A user was active at a time (a purchase, a view, an open): what send-time models learn from and are judged on.</summary>
/// <param name="At">The instant, with its true offset from UTC.</param>
/// <param name="Country">The user's country when the data says it: their cohort and, lacking a time zone, their clock.</param>
public sealed record TimedActivity(string UserId, DateTimeOffset At, string? Country = null);
