namespace Tailor.SendTime.Learning;

/// <summary>What SendTime stores per user (<c>sendtime.users</c>).</summary>
/// <param name="BestHourOfWeek">The best hour as of the last batch; announced in <c>SendTimeUpdated</c> when it changed.</param>
/// <param name="BestHourBeforeLastBatch">
/// The best hour before the batch last added (<see cref="HourOfWeekCounts.LastBatch"/>), so a retry of that batch
/// announces the change it made, even though the stored best hour already reflects it.
/// </param>
public sealed record UserSendTimeState(HourOfWeekCounts Counts, int? BestHourOfWeek, int? BestHourBeforeLastBatch = null);
