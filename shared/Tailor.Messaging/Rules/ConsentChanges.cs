using Tailor.Contracts;

namespace Tailor.Messaging.Rules;

/// <summary>Which email-provider reports change whether we may email the user.</summary>
public static class ConsentChanges
{
    /// <returns>The new consent, or null when <paramref name="kind"/> says nothing about consent.</returns>
    public static bool? From(EngagementKind kind) => kind switch
    {
        EngagementKind.Unsubscribe or EngagementKind.Complaint or EngagementKind.HardBounce => false,
        EngagementKind.Resubscribe => true,
        _ => null,
    };

    /// <summary>
    /// Whether the report says stop: the address is to get no more email (an unsubscribe, a spam complaint, a hard
    /// bounce). A stop is never refused for its time (<see cref="EventTimeRange.ForStop"/>), over HTTP or on the bus.
    /// </summary>
    public static bool SaysStop(EngagementKind kind) => From(kind) == false;
}
