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
    public void Resolve_prefers_the_trait_then_the_country_then_the_account_default(string? trait, string? country, string expected) =>
        Assert.Equal(expected, TimeZoneResolver.Resolve(trait, country, AccountDefault).Id);

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
