namespace Tailor.Profiles;

/// <summary>
/// The clock a user's send is planned on: their send-time slice's when SendTime has written one, else the zone SendTime
/// would give them (<see cref="TimeZoneResolver"/> on the contact's <c>timezone</c> and country, then the account's
/// clock). A campaign can reach a user before SendTime has taken in their first event or identify (a lagging queue, a
/// user imported just before the campaign); planned in UTC, a New York customer's "08:00" would be 03:00 for them.
/// </summary>
public static class UserClock
{
    public static TimeZoneInfo Of(UserProfile? profile, TimeZoneInfo accountClock)
    {
        ArgumentNullException.ThrowIfNull(accountClock);
        return profile?.SendTime?.Zone ?? TimeZoneResolver.Resolve(profile?.Contact?.TimeZone, profile?.Contact?.Country, accountClock);
    }

    /// <summary>
    /// The slice to plan the user's send by: theirs, or, when SendTime has written none, no preference on their clock,
    /// which the planner reads as "the window's first hour outside quiet hours", as it plans the control group.
    /// </summary>
    public static SendTimeSlice PlanningSlice(UserProfile? profile, TimeZoneInfo accountClock, DateTimeOffset now) =>
        profile?.SendTime ?? WithoutPreference(Of(profile, accountClock), now);

    /// <summary>No preference over the hours, on <paramref name="zone"/>: the planner takes the first allowed slot.</summary>
    public static SendTimeSlice WithoutPreference(TimeZoneInfo zone, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new SendTimeSlice([], 0, 0, updatedAt, zone.Id);
    }
}
