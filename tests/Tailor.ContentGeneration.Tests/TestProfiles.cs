using Tailor.Contracts;
using Tailor.Profiles;

namespace Tailor.ContentGeneration.Tests;

/// <summary>Writes the slices other services own, the way they would, so ContentGeneration has a profile to read.</summary>
internal static class TestProfiles
{
    public static readonly DateTimeOffset Now = new(2011, 10, 3, 12, 0, 0, TimeSpan.Zero);

    public static async Task WriteAsync(
        IProfileCache profiles,
        string userId,
        string? email = null,
        string? firstName = "Anna",
        bool consent = true,
        IReadOnlyList<RecommendedItem>? items = null,
        string? topicLabel = "heart, holder, light",
        SendTimeSlice? sendTime = null,
        bool suppressed = false,
        IReadOnlyList<string>? groupIds = null,
        string? country = "United Kingdom",
        string? timeZone = null)
    {
        var ct = TestContext.Current.CancellationToken;
        await profiles.WriteSliceAsync(userId, new ContactSlice(email ?? $"customer-{userId}@example.com", firstName, country, timeZone, consent, Now, suppressed, groupIds), ct);
        if (items is not null)
        {
            await profiles.WriteSliceAsync(userId, new RecommendationsSlice("als-1", items, Now), ct);
        }

        if (topicLabel is not null)
        {
            await profiles.WriteSliceAsync(userId, new TopicsSlice("lda-1", [0.7, 0.3], 0, topicLabel, Now), ct);
        }

        if (sendTime is not null)
        {
            await profiles.WriteSliceAsync(userId, sendTime, ct);
        }
    }

    /// <summary>A send-time slice that prefers one hour of the week above all others.</summary>
    public static SendTimeSlice PreferringHour(int hourOfWeek)
    {
        var weights = Enumerable.Repeat(0.5 / (SendTimeSlice.HoursPerWeek - 1), SendTimeSlice.HoursPerWeek).ToArray();
        weights[hourOfWeek] = 0.5;
        return new SendTimeSlice(weights, hourOfWeek, 40, Now);
    }
}
