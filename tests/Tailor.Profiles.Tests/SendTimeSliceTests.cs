using System.Text.Json;

namespace Tailor.Profiles.Tests;

public sealed class SendTimeSliceTests
{
    // 2010-12-06 was a Monday, so hour-of-week 0 is its midnight (UTC).
    private static readonly DateTimeOffset Monday = new(2010, 12, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void HourOfWeek_counts_from_monday_midnight_utc()
    {
        Assert.Equal(0, SendTimeSlice.HourOfWeek(Monday));
        Assert.Equal(24 + 9, SendTimeSlice.HourOfWeek(Monday.AddDays(1).AddHours(9).AddMinutes(59)));
        Assert.Equal(167, SendTimeSlice.HourOfWeek(Monday.AddDays(7).AddTicks(-1)));
        Assert.Equal(8, SendTimeSlice.HourOfWeek(new DateTimeOffset(2010, 12, 6, 9, 30, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void NextSendTime_picks_the_best_weighted_whole_hour_inside_the_window()
    {
        var slice = Slice((10, 0.2), (14, 0.6), (30, 0.9)); // Monday 10:00, Monday 14:00, Tuesday 06:00

        var sendAt = slice.NextSendTime(Monday.AddHours(8), Monday.AddHours(20));

        Assert.Equal(Monday.AddHours(14), sendAt);
    }

    [Fact]
    public void NextSendTime_starts_at_the_first_whole_hour_after_a_mid_hour_start()
    {
        var slice = Slice((10, 0.9), (11, 0.5));

        var sendAt = slice.NextSendTime(Monday.AddHours(10).AddMinutes(15), Monday.AddHours(13));

        Assert.Equal(Monday.AddHours(11), sendAt);
    }

    [Fact]
    public void NextSendTime_needs_the_whole_hour_to_end_inside_the_window()
    {
        var slice = Slice((12, 0.9), (11, 0.5));

        var sendAt = slice.NextSendTime(Monday.AddHours(11), Monday.AddHours(12).AddMinutes(59));

        Assert.Equal(Monday.AddHours(11), sendAt);
    }

    [Fact]
    public void NextSendTime_of_a_window_shorter_than_an_hour_is_its_start()
    {
        var slice = Slice((10, 0.9));
        var start = Monday.AddHours(9).AddMinutes(20);

        Assert.Equal(start, slice.NextSendTime(start, start.AddMinutes(45)));
    }

    [Fact]
    public void NextSendTime_breaks_ties_towards_the_earliest_hour()
    {
        var slice = Slice((9, 0.4), (15, 0.4), (9 + 24, 0.4));

        var sendAt = slice.NextSendTime(Monday, Monday.AddDays(3));

        Assert.Equal(Monday.AddHours(9), sendAt);
    }

    [Fact]
    public void NextSendTime_wraps_from_sunday_into_the_next_week()
    {
        var slice = Slice((167, 0.1), (2, 0.8)); // Sunday 23:00, Monday 02:00
        var sundayEvening = Monday.AddDays(6).AddHours(22);

        var sendAt = slice.NextSendTime(sundayEvening, sundayEvening.AddHours(6));

        Assert.Equal(Monday.AddDays(7).AddHours(2), sendAt);
    }

    [Fact]
    public void Json_keeps_the_zone_id_and_leaves_the_resolved_zone_out()
    {
        var slice = Slice((12, 0.9)) with { TimeZone = "Europe/Helsinki" };

        // The cache's packed form and the export's web form.
        foreach (var options in new[] { ProfileJson.Options, JsonSerializerOptions.Web })
        {
            var json = JsonSerializer.Serialize(slice, options);
            using var written = JsonDocument.Parse(json);

            Assert.False(written.RootElement.TryGetProperty("zone", out _), json);
            Assert.Equal("Europe/Helsinki", written.RootElement.GetProperty("timeZone").GetString());
            Assert.Equal("Europe/Helsinki", JsonSerializer.Deserialize<SendTimeSlice>(json, options)!.Zone.Id);
        }
    }

    [Fact]
    public void A_slice_written_with_its_resolved_zone_still_reads()
    {
        // As slices were written before 2026-12-07: the zone object beside its id.
        const string json = """
            {"hourOfWeekWeights":[],"bestHourOfWeek":22,"evidenceCount":1,"updatedAt":"2026-12-07T22:55:18+00:00",
             "timeZone":"Asia/Tokyo","concentration":11,
             "zone":{"id":"UTC","hasIanaId":true,"baseUtcOffset":"00:00:00","supportsDaylightSavingTime":false}}
            """;

        var slice = JsonSerializer.Deserialize<SendTimeSlice>(json, JsonSerializerOptions.Web)!;

        Assert.Equal("Asia/Tokyo", slice.Zone.Id);
        Assert.Equal(22, slice.BestHourOfWeek);
    }

    private static SendTimeSlice Slice(params (int HourOfWeek, double Weight)[] peaks)
    {
        var weights = new double[SendTimeSlice.HoursPerWeek];
        foreach (var (hourOfWeek, weight) in peaks)
        {
            weights[hourOfWeek] = weight;
        }

        var best = Array.IndexOf(weights, weights.Max());
        return new SendTimeSlice(weights, best, EvidenceCount: peaks.Length, DateTimeOffset.UnixEpoch);
    }
}
