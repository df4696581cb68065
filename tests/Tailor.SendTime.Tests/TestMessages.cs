using Tailor.Contracts;

namespace Tailor.SendTime.Tests;

internal static class TestMessages
{
    /// <summary>A Monday, so hour-of-week arithmetic in tests reads plainly: Monday 00:00 UTC is hour 0.</summary>
    public static readonly DateTimeOffset Monday = new(2011, 3, 7, 0, 0, 0, TimeSpan.Zero);

    public static UserActivityTracked Activity(string userId, DateTimeOffset at) =>
        new(Guid.NewGuid(), userId, at, ActivityKinds.View, "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 1, null, null, new Dictionary<string, string>());

    /// <summary>One activity a week at the same hour (UTC) from <see cref="Monday"/> on: each its own occurrence.</summary>
    public static IEnumerable<UserActivityTracked> Weekly(string userId, int weeks, int hourUtc) =>
        Enumerable.Range(0, weeks).Select(week => Activity(userId, Monday.AddDays(7 * week).AddHours(hourUtc)));

    public static EmailEngaged Engagement(string userId, DateTimeOffset at, EngagementKind kind, bool isMachineOpen = false, Guid? emailId = null) =>
        new(Guid.NewGuid(), userId, at, emailId ?? Guid.NewGuid(), "campaign-1", kind, null, null, isMachineOpen);

    public static UserIdentified Identified(string userId, string? timeZone, string? country) =>
        new(Guid.NewGuid(), userId, Monday, null, null, country, timeZone, null, new Dictionary<string, string>());
}
