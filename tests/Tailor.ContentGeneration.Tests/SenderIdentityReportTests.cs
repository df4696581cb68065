using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Composition;

namespace Tailor.ContentGeneration.Tests;

public sealed class SenderIdentityReportTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("Tailor Shop Ltd, 1 High Street, London N1 1AA", 0)]
    public async Task Start_warns_once_when_the_emails_would_carry_no_postal_address(string? address, int warnings)
    {
        var logger = new FakeLogger<SenderIdentityReport>();
        var report = new SenderIdentityReport(Options.Create(new ContentGenerationOptions { PostalAddress = address }), logger);

        await report.StartAsync(TestContext.Current.CancellationToken);

        var said = logger.Collector.GetSnapshot().Where(record => record.Level == LogLevel.Warning).ToList();
        Assert.Equal(warnings, said.Count);
        Assert.All(said, record => Assert.Contains("Tailor:ContentGeneration:PostalAddress", record.Message, StringComparison.Ordinal));
    }
}
