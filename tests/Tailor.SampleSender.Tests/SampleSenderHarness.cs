using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Tailor.Testing;

namespace Tailor.SampleSender.Tests;

/// <summary>
/// The sample sender as <see cref="SampleSenderRegistration.AddSampleSender"/> registers it, on the shared
/// <see cref="ConsumerHarness"/> (its dispatcher of parked emails running), with a fake clock and an SMTP server in the
/// test process.
/// </summary>
internal static class SampleSenderHarness
{
    /// <summary>What the tests configure: short hold and poll, a one-minute first backoff after an outage.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan OutageBackoff = TimeSpan.FromMinutes(1);

    /// <param name="logs">Collects what the sender and the bus log, for a test of what an operator is told.</param>
    public static async Task<ConsumerHarness> StartAsync(int smtpPort, IDictionary<string, string?>? settings = null, FakeLogCollector? logs = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Tailor:SampleSender:Host"] = "127.0.0.1",
            ["Tailor:SampleSender:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Tailor:SampleSender:Security"] = "None",
            ["Tailor:SampleSender:Timeout"] = "00:00:05",
            ["Tailor:SampleSender:MaxHold"] = MaxHold.ToString(),
            ["Tailor:SampleSender:PollInterval"] = PollInterval.ToString(),
            ["Tailor:SampleSender:OutageBackoff"] = OutageBackoff.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var harness = await ConsumerHarness.StartAsync(
            "samplesender",
            builder => builder.AddSampleSender(),
            configuration,
            replace: services =>
            {
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestEmails.Now));
                services.AddSingleton<EmailOutcomes>();
                if (logs is not null)
                {
                    services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)));
                }
            },
            quietAfter: TimeSpan.FromSeconds(1));
        harness.Services.GetRequiredService<EmailOutcomes>();
        return harness;
    }

    extension(ConsumerHarness host)
    {
        public FakeTimeProvider Clock => (FakeTimeProvider)host.Services.GetRequiredService<TimeProvider>();

        /// <summary>The outcomes counted by <c>tailor.sender.emails</c> so far (sent, duplicate, scheduled, smtp_unavailable, ...).</summary>
        public IReadOnlyList<string> Outcomes => host.Services.GetRequiredService<EmailOutcomes>().Counted;

        public Task<bool> OutcomeWithinAsync(string outcome, int count = 1, double seconds = 30) =>
            Polling.WithinAsync(() => host.Outcomes.Count(counted => counted == outcome) >= count, TimeSpan.FromSeconds(seconds));

        /// <summary>Whether the email is parked in the document store, waiting to come due.</summary>
        public async Task<bool> IsParkedAsync(Guid emailId) =>
            await host.Documents.GetAsync(SampleSenderNames.ScheduledCollection, emailId.ToString("D"), TestContext.Current.CancellationToken) is not null;

        public Task<bool> WasRecordedAsSentAsync(Guid emailId) =>
            host.Events.ContainsAsync(SampleSenderNames.Stream, emailId, TestContext.Current.CancellationToken);
    }
}
