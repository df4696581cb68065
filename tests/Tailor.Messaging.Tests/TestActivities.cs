using Tailor.Contracts;

namespace Tailor.Messaging.Tests;

/// <summary>Real <see cref="UserActivityTracked"/> messages (an Online Retail product), unique to one test run.</summary>
public static class TestActivities
{
    public static string NewRun() => $"messaging-{Guid.NewGuid():N}";

    public static IReadOnlyList<UserActivityTracked> Views(string run, int count) =>
        Enumerable.Range(0, count).Select(index => Of(run, index, ActivityKinds.View)).ToList();

    public static UserActivityTracked Of(string run, int index, string activity) =>
        new(
            EventId: Guid.NewGuid(),
            UserId: $"{run}-user-{index}",
            OccurredAt: DateTimeOffset.UtcNow,
            Activity: activity,
            ItemId: "85123A",
            ItemName: "WHITE HANGING HEART T-LIGHT HOLDER",
            Quantity: 1,
            Price: 2.55m,
            Text: null,
            Properties: new Dictionary<string, string> { ["run"] = run });
}
