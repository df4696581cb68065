using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.SampleSender.Tests;

/// <summary>An erased user's emails: those still parked are never sent, and no record of those sent is kept.</summary>
public sealed class UserErasedConsumerTests
{
    [Fact]
    public async Task Erasing_a_user_forgets_their_parked_emails_and_the_record_of_those_sent_and_no_one_elses()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port);
        var sent = TestEmails.Ready(sendAt: TestEmails.Now);
        var parked = TestEmails.Ready(sendAt: TestEmails.Now.AddDays(1));
        var othersParked = TestEmails.Ready(sendAt: TestEmails.Now.AddDays(1), to: "grace@example.com") with { UserId = "12347" };
        await host.PublishAsync(sent);
        await host.PublishAsync(parked);
        await host.PublishAsync(othersParked);
        Assert.True(await Polling.WithinAsync(() => host.WasRecordedAsSentAsync(sent.EmailId)));
        Assert.True(await host.OutcomeWithinAsync("scheduled", count: 2));

        await host.PublishAsync(new UserErased(Guid.NewGuid(), sent.UserId, TestEmails.Now));

        Assert.True(await Polling.WithinAsync(async () => !await host.IsParkedAsync(parked.EmailId) && !await host.WasRecordedAsSentAsync(sent.EmailId)));
        Assert.True(await host.IsParkedAsync(othersParked.EmailId));
        Assert.False(await host.FaultPublishedAsync<UserErased>());
    }
}
