using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Tests;

public sealed class ContentGenerationOptionsTests
{
    [Fact]
    public void AddContentGeneration_defaults_are_valid()
    {
        var options = Resolve([]);

        Assert.Equal("Tailor Shop", options.BrandName);
        Assert.Equal(("GBP", "en-GB", null), (options.CurrencyCode, options.PriceCulture, options.CurrencySymbol));
        Assert.Equal(4, options.MaxItems);
        Assert.Equal(CampaignTypes.Promotional, options.DefaultCampaignType);
        Assert.Equal((3, TimeSpan.FromDays(7)), (options.FrequencyCaps[CampaignTypes.Promotional].MaxEmails, options.FrequencyCaps[CampaignTypes.Promotional].Period));
        Assert.Equal(1, options.FrequencyCaps[CampaignTypes.Newsletter].MaxEmails);
        Assert.True(options.FrequencyCaps[CampaignTypes.Transactional].Uncapped);
        Assert.Equal((5, TimeSpan.FromDays(30), 3), (options.FatigueUnengagedSends, options.FatigueLookback, options.SaturatedCapDivisor));
    }

    [Fact]
    public void AddContentGeneration_merges_configured_frequency_caps_into_the_defaults()
    {
        var options = Resolve(new()
        {
            ["Tailor:ContentGeneration:FrequencyCaps:Promotional:MaxEmails"] = "5",
            ["Tailor:ContentGeneration:FrequencyCaps:flash-sale:MaxEmails"] = "2",
            ["Tailor:ContentGeneration:FrequencyCaps:flash-sale:Period"] = "1.00:00:00",
        });

        Assert.Equal(
            [("flash-sale", 2, TimeSpan.FromDays(1)), ("newsletter", 1, TimeSpan.FromDays(7)), ("promotional", 5, TimeSpan.FromDays(7)), ("transactional", 0, TimeSpan.FromDays(7))],
            options.FrequencyCaps.Select(cap => (cap.Key, cap.Value.MaxEmails, cap.Value.Period)).OrderBy(cap => cap.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("TrackingBaseUrl", "/c")]
    [InlineData("TrackingBaseUrl", "ftp://click.shop.test")]
    [InlineData("UnsubscribeBaseUrl", "https://unsubscribe.shop.test/?user=1")]
    [InlineData("UnsubscribeMailbox", "not-an-address")]
    [InlineData("UnsubscribeMailbox", "leave@shop.test>, <https://evil.test")]
    [InlineData("MaxItems", "0")]
    [InlineData("BrandName", "")]
    [InlineData("FrequencyCaps:newsletter:MaxEmails", "0")]
    [InlineData("FrequencyCaps:newsletter:Period", "00:00:00")]
    [InlineData("FrequencyCaps:weekly:MaxEmails", "1001")]
    [InlineData("FrequencyCaps:promotional:Period", "soon")]
    [InlineData("FrequencyCaps:promotional:MaxEmails", "many")]
    [InlineData("FrequencyCaps:flash-sale:Uncapped", "maybe")]
    [InlineData("FrequencyCaps:promotional:Perod", "1.00:00:00")]
    [InlineData("DefaultCampaignType", "flash-sale")]
    [InlineData("FatigueUnengagedSends", "0")]
    [InlineData("FatigueLookback", "00:10:00")]
    [InlineData("SaturatedCapDivisor", "0")]
    [InlineData("CurrencyCode", "gbp")]
    [InlineData("CurrencyCode", "XYZ")]
    [InlineData("CurrencyCode", "£")]
    [InlineData("PriceCulture", "en")]
    [InlineData("PriceCulture", "xx-NOWHERE")]
    [InlineData("CurrencySymbol", "pounds sterling")]
    [InlineData("LogoUrl", "http://shop.test/logo.png")]
    public void AddContentGeneration_rejects_invalid_settings(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [$"Tailor:ContentGeneration:{key}"] = value }));

        Assert.Contains(key, string.Join(' ', error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Flash Sale")]
    [InlineData("flash_sale")]
    public void AddContentGeneration_rejects_a_frequency_cap_whose_key_is_not_a_campaign_type(string type)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [$"Tailor:ContentGeneration:FrequencyCaps:{type}:MaxEmails"] = "2" }));

        Assert.Contains($"FrequencyCaps:{type}: a campaign type is a lowercase token", string.Join(' ', error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "8")]
    [InlineData("21", "")]
    [InlineData("8", "8")]
    public void AddContentGeneration_rejects_quiet_hours_that_would_silently_be_none(string start, string end)
    {
        var error = Assert.Throws<OptionsValidationException>(() => ResolveSchedule(new()
        {
            ["Tailor:ContentGeneration:SendSchedule:QuietHoursStart"] = start,
            ["Tailor:ContentGeneration:SendSchedule:QuietHoursEnd"] = end,
        }));

        Assert.Contains("QuietHoursEnd", string.Join(' ', error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddContentGeneration_takes_both_quiet_hours_empty_as_none()
    {
        var schedule = ResolveSchedule(new()
        {
            ["Tailor:ContentGeneration:SendSchedule:QuietHoursStart"] = "",
            ["Tailor:ContentGeneration:SendSchedule:QuietHoursEnd"] = "",
        });

        Assert.Equal((null, null), (schedule.QuietHoursStart, schedule.QuietHoursEnd));
    }

    [Fact]
    public void AddContentGeneration_reads_the_account_clock_from_SendTimes_key_and_refuses_an_unknown_zone()
    {
        Assert.Equal("Asia/Kolkata", ResolveAccountClock(new() { ["Tailor:SendTime:DefaultTimeZone"] = "Asia/Kolkata" }).AccountTimeZone.Id);

        var error = Assert.Throws<OptionsValidationException>(() => ResolveAccountClock(new() { ["Tailor:SendTime:DefaultTimeZone"] = "Mars/Olympus" }));

        Assert.Contains("DefaultTimeZone 'Mars/Olympus' is not a time zone", string.Join(' ', error.Failures), StringComparison.Ordinal);
    }

    private static Profiles.AccountClockOptions ResolveAccountClock(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddContentGeneration();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<Profiles.AccountClockOptions>>().Value;
    }

    private static Personalization.SendScheduleOptions ResolveSchedule(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddContentGeneration();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<Personalization.SendScheduleOptions>>().Value;
    }

    private static ContentGenerationOptions Resolve(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddContentGeneration();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<ContentGenerationOptions>>().Value;
    }
}
