namespace Tailor.SendTime.Learning;

/// <summary>What SendTime stores per user (<c>sendtime.users</c>).</summary>
/// <param name="BestHourOfWeek">The best hour last announced in <c>SendTimeUpdated</c>; null before the first.</param>
public sealed record UserSendTimeState(HourOfWeekCounts Counts, int? BestHourOfWeek);
