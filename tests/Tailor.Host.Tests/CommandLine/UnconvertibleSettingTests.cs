using Tailor.Host.CommandLine;
using Tailor.Host.Hosting;

namespace Tailor.Host.Tests.CommandLine;

/// <summary>A setting whose text is not of its type stops the start with the key and what it may be, not a stack trace.</summary>
public sealed class UnconvertibleSettingTests
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
