using Microsoft.Extensions.Options;
using Tailor.Host.CommandLine;
using Tailor.Host.Hosting;

namespace Tailor.Host.Tests.CommandLine;

/// <summary>
/// A setting whose text is not of its type, or whose value is out of its range, stops the start with the key the
/// operator set and what it may be, not a stack trace or the options class's name.
/// </summary>
public sealed class RefusedSettingTests
{
    [Theory]
    [InlineData("sender", "Tailor:SampleSender:Security", "Maybe", "Tailor:SampleSender:Security 'Maybe' is not one of Auto, None, SslOnConnect, StartTls, StartTlsWhenAvailable.")]
    [InlineData("ingestion", "Tailor:Ingestion:EarliestTimestamp", "yesterday", "Tailor:Ingestion:EarliestTimestamp 'yesterday' is not a date and time such as 2000-01-01T00:00:00Z.")]
    [InlineData("topic", "Tailor:Topic:Iterations", "many", "Tailor:Topic:Iterations 'many' is not a whole number.")]
    [InlineData("contentgeneration", "Tailor:ContentGeneration:SendSchedule:QuietHoursStart", "late", "Tailor:ContentGeneration:SendSchedule:QuietHoursStart 'late' is not a whole number.")]
    [InlineData("recommendation", "Tailor:Recommendation:BlendValidation", "a month", "Tailor:Recommendation:BlendValidation 'a month' is not a duration [d.]hh:mm:ss[.fff], such as 00:00:30 or 7.00:00:00.")]
    [InlineData("ingestion", "Tailor:Tracing:Enabled", "maybe", "Tailor:Tracing:Enabled 'maybe' is not true or false.")]
    public async Task A_value_the_binder_cannot_convert_is_described_by_its_key_and_what_is_allowed(string target, string key, string value, string expected)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(target, $"--{key}={value}"));

        Assert.Equal(expected, UnconvertibleSetting.Describe(failure));
    }

    [Theory]
    [InlineData("sendtime", "Tailor:SendTime:RecencyHalfLife", "-1.00:00:00", "Tailor:SendTime:RecencyHalfLife: The field RecencyHalfLife must be between 00:00:00 and 3650.00:00:00.")]
    [InlineData("sendtime", "Tailor:SendTime:DefaultTimeZone", "Mars/Olympus", "Tailor:SendTime:DefaultTimeZone: DefaultTimeZone 'Mars/Olympus' is not a time zone this machine knows; use an IANA id such as 'Europe/London'.")]
    [InlineData("contentgeneration", "Tailor:SendTime:DefaultTimeZone", "Mars/Olympus", "Tailor:SendTime:DefaultTimeZone: DefaultTimeZone 'Mars/Olympus' is not a time zone this machine knows; use an IANA id such as 'Europe/London'.")]
    [InlineData("contentgeneration", "Tailor:ContentGeneration:MaxItems", "0", "Tailor:ContentGeneration:MaxItems: The field MaxItems must be between 1 and 20.")]
    public async Task A_value_out_of_range_is_described_by_its_key(string target, string key, string value, string expected)
    {
        var invalid = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(target, $"--{key}={value}"));

        Assert.Contains(expected, InvalidSettings.Describe(invalid));
    }

    [Fact]
    public void A_failure_that_names_its_key_already_is_kept_as_it_is()
    {
        var invalid = new OptionsValidationException(string.Empty, typeof(object), ["Tailor:Topic:TopicCandidates:1 'ten' is not a whole number."]);

        Assert.Equal(["Tailor:Topic:TopicCandidates:1 'ten' is not a whole number."], InvalidSettings.Describe(invalid));
    }

    [Fact]
    public void Other_invalid_operations_are_left_alone()
    {
        Assert.Null(UnconvertibleSetting.Describe(new InvalidOperationException("Failed to convert configuration value 'x' at 'Tailor:A' to type 'System.Int32'.")));
    }

    private static async Task StartAsync(string target, string setting)
    {
        var state = Directory.CreateTempSubdirectory("tailor-unconvertible-");
        try
        {
            await using var app = TailorHost.Build(
            [
                $"--Tailor:Target={target}",
                "--urls=http://127.0.0.1:0",
                "--ConnectionStrings:rabbitmq=",
                "--ConnectionStrings:mongodb=",
                "--ConnectionStrings:redis=",
                $"--Tailor:Sqlite:Path={Path.Combine(state.FullName, "tailor.db")}",
                setting,
            ]);
            await app.StartAsync(TestContext.Current.CancellationToken);
            await app.StopAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }
}
