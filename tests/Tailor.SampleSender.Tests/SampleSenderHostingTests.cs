using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.Testing;

namespace Tailor.SampleSender.Tests;

/// <summary>The sender wired into a host the way a team would (storage, AddSampleSender, the Tailor bus), and its settings checked at start.</summary>
public sealed class SampleSenderHostingTests
{
    [Fact]
    public async Task AddSampleSender_on_a_tailor_host_delivers_a_published_email_over_smtp()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var host = await HostedSender.StartAsync(smtp.Port);
        var ct = TestContext.Current.CancellationToken;
        var email = TestEmails.Ready(sendAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        await host.Bus.Publish(email, ct);
        // The queue keeps its documented name under the Tailor bus's endpoint naming: the dispatcher sends parked emails there.
        var queued = TestEmails.Ready(sendAt: DateTimeOffset.UtcNow.AddMinutes(-1), to: "grace@example.com");
        await (await host.Bus.GetSendEndpoint(new Uri($"queue:{SampleSenderNames.Queue}"))).Send(queued, ct);

        var received = await smtp.WaitForMessagesAsync(2);
        Assert.Equal(["ada@example.com", "grace@example.com"], received.Select(message => message.RcptTo.Single()).Order());
        Assert.True(await Polling.WithinAsync(() => host.WasRecordedAsSentAsync(email.EmailId)));
    }

    [Theory]
    [InlineData("Tailor:SampleSender:Username", "relay-user", "Password")]
    [InlineData("Tailor:SampleSender:Port", "0", "Port")]
    [InlineData("Tailor:SampleSender:DefaultFrom", "not an address", "DefaultFrom")]
    [InlineData("Tailor:SampleSender:PollInterval", "00:05:00", "PollInterval")]
    public void AddSampleSender_with_a_wrong_setting_fails_naming_it(string key, string value, string named)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.AddSampleSender();
        using var provider = builder.Services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SampleSenderOptions>>().Value);

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
    }
}
