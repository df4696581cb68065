using Tailor.Profiles;
using Tailor.SendTime.Model;

namespace Tailor.SendTime.Tests;

public sealed class TimeZoneResolverTests
{
    private static readonly TimeZoneInfo AccountDefault = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("Asia/Tokyo", "Germany", "Asia/Tokyo")]
    [InlineData(null, "Germany", "Europe/Berlin")]
    [InlineData("  ", "de", "Europe/Berlin")]
    [InlineData("Not/AZone", "EIRE", "Europe/Dublin")]
    [InlineData(null, "Unspecified", "Europe/London")]
    [InlineData(null, null, "Europe/London")]
    [InlineData("+05:30", "India", "Asia/Kolkata")]
    [InlineData("GMT+1", null, "Europe/London")]
    [InlineData("Pacific/Kiritimati", "United States", "Pacific/Kiritimati")]
    [InlineData("Etc/GMT+12", null, "Etc/GMT+12")]
    public void Resolve_prefers_the_trait_then_the_country_then_the_account_default(string? trait, string? country, string expected) =>
        Assert.Equal(expected, TimeZoneResolver.Resolve(trait, country, AccountDefault).Id);

    [Theory]
    [InlineData("GMT Standard Time", "Europe/London")]
    [InlineData("Eastern Standard Time", "America/New_York")]
    [InlineData("India Standard Time", "Asia/Kolkata")]
    [InlineData("Nepal Standard Time", "Asia/Kathmandu")]
    [InlineData("Chatham Islands Standard Time", "Pacific/Chatham")]
    public void Find_names_a_windows_zone_by_its_iana_id_so_every_reader_of_the_slice_knows_it(string windowsId, string ianaId)
    {
        var zone = TimeZoneResolver.Find(windowsId);

        // ICU may name the zone by an older IANA link (Asia/Calcutta for Asia/Kolkata): an IANA id all the same.
        Assert.NotNull(zone);
        Assert.True(zone.HasIanaId, zone.Id);
        Assert.DoesNotContain(' ', zone.Id);
        Assert.True(TimeZoneInfo.FindSystemTimeZoneById(ianaId).HasSameRules(zone), zone.Id);
    }

    [Fact]
    public void Local_hour_of_the_week_follows_daylight_saving_time()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var winter = new DateTimeOffset(2024, 1, 8, 9, 0, 0, TimeSpan.Zero);
        var summer = new DateTimeOffset(2024, 7, 8, 9, 0, 0, TimeSpan.Zero);

        // Both are Mondays at 09:00 UTC: 09:00 in London in January, 10:00 in July.
        Assert.Equal(9, WeekHours.Of(winter, london));
        Assert.Equal(10, WeekHours.Of(summer, london));
    }
}
