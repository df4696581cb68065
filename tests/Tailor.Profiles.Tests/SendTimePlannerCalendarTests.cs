namespace Tailor.Profiles.Tests;

/// <summary>
/// The planner on the days clocks change and in zones whose offsets are not whole hours: every send it places is a
/// real instant, on a whole hour of the user's clock, inside the campaign's window and outside quiet hours.
/// </summary>
public sealed class SendTimePlannerCalendarTests
{
    private static readonly SendSchedule NightsQuiet = new(1, QuietHoursStart: 21, QuietHoursEnd: 8, Explore: false);

    // Each (zone, local date) is a day its clocks jump forward or back in 2027, or a plain day in an odd zone.
    public static TheoryData<string, int, int, int> ZoneDays => new()
    {
        { "Europe/London", 2027, 3, 28 },        // 01:00 → 02:00
        { "Europe/London", 2027, 10, 31 },       // 02:00 → 01:00
        { "America/New_York", 2027, 3, 14 },     // 02:00 → 03:00
        { "America/New_York", 2027, 11, 7 },     // 02:00 → 01:00
        { "Australia/Sydney", 2027, 4, 4 },      // 03:00 → 02:00
        { "Australia/Sydney", 2027, 10, 3 },     // 02:00 → 03:00
        { "Pacific/Chatham", 2027, 4, 4 },       // 03:45 → 02:45 (+13:45 → +12:45)
        { "Pacific/Chatham", 2027, 9, 26 },      // 02:45 → 03:45
        { "Australia/Lord_Howe", 2027, 4, 4 },   // 02:00 → 01:30 (+11 → +10:30)
        { "Australia/Lord_Howe", 2027, 10, 3 },  // 02:00 → 02:30
        { "Asia/Kolkata", 2027, 3, 28 },         // +05:30
        { "Asia/Kathmandu", 2027, 3, 28 },       // +05:45
        { "Australia/Eucla", 2027, 3, 28 },      // +08:45
        { "Pacific/Kiritimati", 2027, 3, 28 },   // +14
        { "Pacific/Pago_Pago", 2027, 3, 28 },    // −11
        { "Etc/GMT+12", 2027, 3, 28 },           // −12
        { "Asia/Tehran", 2027, 3, 28 },          // +03:30 (no daylight saving since 2022)
        { "Asia/Tehran", 2021, 3, 22 },          // 00:00 → 01:00, when it still had daylight saving (a replay)
        { "Europe/Moscow", 2014, 10, 26 },       // 02:00 → 01:00 for good (+04 → +03)
        { "Pacific/Apia", 2011, 12, 29 },        // the day before Samoa skipped 30 December (−10 → +14)
        { "Pacific/Apia", 2011, 12, 31 },
    };

    [Theory]
    [MemberData(nameof(ZoneDays))]
    public void Every_hour_the_user_prefers_on_a_day_is_sent_on_that_whole_local_hour_when_it_exists_and_is_allowed(
        string zoneId, int year, int month, int day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var date = new DateTime(year, month, day);
        // The whole local day, and the hours either side of it, as the campaign's window.
        var start = LocalMidnight(date, zone).AddHours(-3);
        var end = LocalMidnight(date.AddDays(1), zone).AddHours(3);

        for (var hour = 0; hour < 24; hour++)
        {
            var slice = PeakAt(zone, date, hour);
            var sendAt = SendTimePlanner.Plan(slice, start, end, NightsQuiet, seed: 1);

            Assert.NotNull(sendAt);
            var local = TimeZoneInfo.ConvertTime(sendAt.Value, zone);
            Assert.InRange(sendAt.Value, start, end);
            Assert.Equal(0, local.Minute);
            Assert.False(NightsQuiet.IsQuiet(local.Hour), $"{zoneId} {local:o} is in quiet hours");
            var exists = !zone.IsInvalidTime(date.AddHours(hour));
            if (exists && !NightsQuiet.IsQuiet(hour))
            {
                Assert.Equal(date.AddHours(hour), local.DateTime);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ZoneDays))]
    public void Every_slot_of_a_week_long_window_starts_on_a_whole_local_hour(string zoneId, int year, int month, int day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var date = new DateTime(year, month, day);
        var start = LocalMidnight(date.AddDays(-3), zone);
        var end = start.AddDays(7);

        // A preference for each hour of the week in turn: wherever it lands, it lands on the user's whole hour.
        for (var hourOfWeek = 0; hourOfWeek < SendTimeSlice.HoursPerWeek; hourOfWeek++)
        {
            var slice = Slice(zone, (hourOfWeek, 1.0));
            var sendAt = SendTimePlanner.Plan(slice, start, end, SendSchedule.Anytime, seed: 1)!.Value;

            Assert.Equal(0, TimeZoneInfo.ConvertTime(sendAt, zone).Minute);
        }
    }

    [Fact]
    public void An_hour_that_repeats_when_clocks_go_back_is_sent_once_at_its_first_occurrence()
    {
        // London, Sunday 2027-10-31: 01:00–02:00 happens at 00:00 UTC (BST) and again at 01:00 UTC (GMT).
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var date = new DateTime(2027, 10, 31);
        var slice = PeakAt(zone, date, 1);

        var sendAt = SendTimePlanner.Plan(slice, LocalMidnight(date, zone), LocalMidnight(date.AddDays(1), zone), SendSchedule.Anytime, seed: 1);

        Assert.Equal(new DateTimeOffset(2027, 10, 31, 0, 0, 0, TimeSpan.Zero), sendAt);
    }

    [Fact]
    public void An_hour_missing_on_the_day_clocks_go_forward_is_not_sent_at_a_time_that_does_not_exist()
    {
        // New York, Sunday 2027-03-14: 02:00–03:00 never happens. The user's next best hour is 03:00 EDT, 07:00 UTC.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var date = new DateTime(2027, 3, 14);
        var sunday = 6 * 24;
        var slice = Slice(zone, (sunday + 2, 0.6), (sunday + 3, 0.3), (sunday + 1, 0.1));

        var sendAt = SendTimePlanner.Plan(slice, LocalMidnight(date, zone), LocalMidnight(date.AddDays(1), zone), SendSchedule.Anytime, seed: 1);

        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 0, 0, TimeSpan.Zero), sendAt);
    }

    [Theory]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Pacific/Pago_Pago")]
    [InlineData("Etc/GMT+12")]
    [InlineData("Asia/Kathmandu")]
    public void A_window_of_one_utc_day_is_read_on_the_users_own_weekdays(string zoneId)
    {
        // Monday 2027-03-22 in UTC is Monday afternoon to Tuesday afternoon at UTC+14, Sunday to Monday at UTC−11.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var start = new DateTimeOffset(2027, 3, 22, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddDays(1);
        var startLocal = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var firstWholeHour = startLocal.Minute == 0 ? startLocal : startLocal.Date.AddHours(startLocal.Hour + 1);
        var wholeHours = Enumerable.Range(0, 24).Select(offset => firstWholeHour.AddHours(offset))
            .Where(local => new DateTimeOffset(local, zone.GetUtcOffset(local)).AddHours(1) <= end)
            .ToList();

        for (var hourOfWeek = 0; hourOfWeek < SendTimeSlice.HoursPerWeek; hourOfWeek++)
        {
            var sendAt = SendTimePlanner.Plan(Slice(zone, (hourOfWeek, 1.0)), start, end, SendSchedule.Anytime, seed: 1)!.Value;

            // The preferred hour of the week, on the user's calendar, when the window holds it; else the first whole hour.
            var wanted = wholeHours.Where(local => SendTimeSlice.HourOfWeek(local) == hourOfWeek).Cast<DateTime?>().FirstOrDefault();
            Assert.Equal(wanted ?? firstWholeHour, TimeZoneInfo.ConvertTime(sendAt, zone).DateTime);
        }
    }

    [Fact]
    public void A_window_longer_than_a_week_is_sent_at_the_first_occurrence_of_the_users_hour()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var wednesdayTen = (2 * 24) + 10;
        var slice = Slice(zone, (wednesdayTen, 1.0));
        var start = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero); // a Friday

        var sendAt = SendTimePlanner.Plan(slice, start, start.AddMonths(3), NightsQuiet, seed: 1);

        Assert.Equal(new DateTimeOffset(2027, 1, 6, 10, 0, 0, TimeSpan.Zero), sendAt);
    }

    [Theory]
    [InlineData(7, 30, 8, 30, 8, 0)]   // ends an hour after quiet hours end: the half hour left is allowed
    [InlineData(20, 30, 22, 0, 20, 30)] // the only whole hour is quiet, the half hour before it is not
    [InlineData(7, 45, 8, 15, 8, 0)]
    [InlineData(10, 15, 10, 45, 10, 15)]
    public void A_window_with_no_whole_allowed_hour_is_sent_at_its_first_allowed_moment(
        int startHour, int startMinute, int endHour, int endMinute, int sendHour, int sendMinute)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var day = new DateTime(2027, 1, 12);
        var slice = Slice(zone, (24 + 10, 1.0));

        var sendAt = SendTimePlanner.Plan(slice, At(day, startHour, startMinute, zone), At(day, endHour, endMinute, zone), NightsQuiet, seed: 1);

        Assert.Equal(At(day, sendHour, sendMinute, zone), sendAt);
    }

    [Theory]
    [InlineData(21, 0, 22, 0)]
    [InlineData(22, 0, 23, 30)]
    [InlineData(6, 10, 7, 59)]
    public void A_window_wholly_in_quiet_hours_places_nothing(int startHour, int startMinute, int endHour, int endMinute)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");
        var day = new DateTime(2027, 1, 12);

        Assert.Null(SendTimePlanner.Plan(Slice(zone, (24 + 10, 1.0)), At(day, startHour, startMinute, zone), At(day, endHour, endMinute, zone), NightsQuiet, seed: 1));
    }

    [Fact]
    public void Quiet_hours_that_start_and_end_at_one_hour_are_none()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var slice = Slice(zone, (3, 1.0));
        var monday = new DateTimeOffset(2027, 1, 11, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(monday.AddHours(3), SendTimePlanner.Plan(slice, monday, monday.AddDays(1), new SendSchedule(1, 9, 9, false), seed: 1));
    }

    private static DateTimeOffset At(DateTime day, int hour, int minute, TimeZoneInfo zone)
    {
        var local = day.AddHours(hour).AddMinutes(minute);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    // The day's first moment on the zone's clock: midnight, or later when the clocks skipped it (Tehran went from 00:00
    // to 01:00; Samoa skipped all of 30 December 2011). Searched from instants, as .NET maps an instant to the wall
    // clock right across Samoa's skip but not always a wall-clock time to its offset.
    private static DateTimeOffset LocalMidnight(DateTime date, TimeZoneInfo zone)
    {
        var instant = new DateTimeOffset(date.Date, TimeSpan.FromHours(14));
        while (TimeZoneInfo.ConvertTime(instant, zone).DateTime < date.Date)
        {
            instant = instant.AddMinutes(15);
        }

        return instant;
    }

    // Most of the preference on one local hour of that date's weekday; the rest thinly everywhere.
    private static SendTimeSlice PeakAt(TimeZoneInfo zone, DateTime date, int hour) =>
        Slice(zone, (SendTimeSlice.HourOfWeek(date.AddHours(hour)), 1.0));

    private static SendTimeSlice Slice(TimeZoneInfo zone, params (int HourOfWeek, double Weight)[] peaks)
    {
        var week = Enumerable.Repeat(0.0001, SendTimeSlice.HoursPerWeek).ToArray();
        foreach (var (hourOfWeek, weight) in peaks)
        {
            week[hourOfWeek] = weight;
        }

        var total = week.Sum();
        return new SendTimeSlice([.. week.Select(weight => weight / total)], peaks[0].HourOfWeek, 10, DateTimeOffset.UnixEpoch, zone.Id);
    }
}
