using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.SampleSender.Consumers;
using Tailor.SampleSender.Delivery;
using Tailor.Testing;

namespace Tailor.SampleSender.Tests;

/// <summary>An SMTP server that is down or busy is retried until the email goes; one that refuses it for good faults it.</summary>
public sealed class SmtpFailureTests
{
    [Fact]
    public async Task Consume_email_ready_answered_451_retries_and_delivers_it_once()
    {
        var logs = new FakeLogCollector();
        await using var smtp = await TestSmtpServer.StartNewAsync(transientFailures: 2);
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port, logs: logs);
        var email = TestEmails.Ready(sendAt: TestEmails.Now);

        await host.PublishAsync(email);

        var received = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal(email.Subject, received.Message.Subject);
        Assert.Equal(3, smtp.Transactions);
        Assert.True(await host.OutcomeWithinAsync("sent"));
        Assert.Equal(2, host.Outcomes.Count(outcome => outcome == "smtp_unavailable"));
        Assert.True(await host.WasRecordedAsSentAsync(email.EmailId));
        Assert.False(await host.FaultPublishedAsync<EmailReady>());
        // One information line for each refused attempt (a retry follows), naming the server, the email and the reply;
        // no stack trace anywhere.
        Assert.Equal(
            [
                $"SMTP server 127.0.0.1:{smtp.Port} did not take email {email.EmailId}: 451 {TestSmtpServer.TransientReplyText}; retry 1 of 4 follows",
                $"SMTP server 127.0.0.1:{smtp.Port} did not take email {email.EmailId}: 451 {TestSmtpServer.TransientReplyText}; retry 2 of 4 follows",
            ],
            logs.Unavailable.Select(record => record.Message));
        Assert.All(logs.Unavailable, record => Assert.Equal(LogLevel.Information, record.Level));
        logs.AssertNoStackTrace();
    }

    [Fact]
    public async Task Consume_email_ready_while_smtp_is_down_retries_until_the_server_is_back()
    {
        await using var smtp = TestSmtpServer.OnFreePort();
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port);
        var email = TestEmails.Ready(sendAt: TestEmails.Now);

        await host.PublishAsync(email);
        Assert.True(await host.OutcomeWithinAsync("smtp_unavailable"));
        Assert.False(await host.WasRecordedAsSentAsync(email.EmailId));
        await smtp.StartAsync();

        var received = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal(email.To, received.RcptTo.Single());
        Assert.True(await Polling.WithinAsync(() => host.WasRecordedAsSentAsync(email.EmailId)));
        Assert.DoesNotContain("outage_parked", host.Outcomes);
        Assert.False(await host.FaultPublishedAsync<EmailReady>());
    }

    [Fact]
    public async Task Consume_email_ready_through_an_outage_longer_than_the_retries_parks_it_and_delivers_it_later()
    {
        var logs = new FakeLogCollector();
        await using var smtp = TestSmtpServer.OnFreePort();
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port, logs: logs);
        var email = TestEmails.Ready(sendAt: TestEmails.Now);

        await host.PublishAsync(email);
        // The first try and the four retries of ConsumerRetry.Standard (about 8 s) all fail: the email is parked, not faulted.
        Assert.True(await host.OutcomeWithinAsync("outage_parked", seconds: 40));
        Assert.Equal(1 + EmailReadyConsumerDefinition.ImmediateRetries, host.Outcomes.Count(outcome => outcome == "smtp_unavailable"));
        Assert.True(await host.IsParkedAsync(email.EmailId));
        Assert.False(await host.FaultPublishedAsync<EmailReady>());
        // The attempts that a retry followed are information; parking the email is the one warning.
        Assert.Equal(EmailReadyConsumerDefinition.ImmediateRetries, logs.Unavailable.Count);
        Assert.All(logs.Unavailable, record => Assert.Equal(LogLevel.Information, record.Level));
        Assert.Equal(LogLevel.Warning, Assert.Single(logs.OutageParked).Level);
        Assert.Empty(logs.GaveUp);

        await smtp.StartAsync();
        host.Clock.Advance(SampleSenderHarness.OutageBackoff);

        var received = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal(email.Subject, received.Message.Subject);
        Assert.True(await Polling.WithinAsync(async () => !await host.IsParkedAsync(email.EmailId)));
        Assert.True(await host.WasRecordedAsSentAsync(email.EmailId));
        Assert.False(await host.FaultPublishedAsync<EmailReady>());
    }

    [Fact]
    public async Task Consume_email_ready_when_the_tls_handshake_fails_retries_it_as_an_outage_without_a_stack_trace()
    {
        // The sender expects TLS from the first byte; the test server answers in plain text, as a relay with a broken
        // certificate setup would fail the handshake: mended at the server, so the email waits rather than faulting.
        var logs = new FakeLogCollector();
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var host = await SampleSenderHarness.StartAsync(
            smtp.Port, new Dictionary<string, string?> { ["Tailor:SampleSender:Security"] = "SslOnConnect" }, logs);
        var email = TestEmails.Ready(sendAt: TestEmails.Now);

        await host.PublishAsync(email);

        Assert.True(await host.OutcomeWithinAsync("smtp_unavailable", count: 2));
        var warning = logs.Unavailable[0].Message;
        Assert.StartsWith($"SMTP server 127.0.0.1:{smtp.Port} did not take email {email.EmailId}: ", warning, StringComparison.Ordinal);
        Assert.EndsWith("; retry 1 of 4 follows", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", warning, StringComparison.Ordinal);
        logs.AssertNoStackTrace();
        Assert.Empty(smtp.Messages);
        Assert.False(await host.FaultPublishedAsync<EmailReady>());
    }

    [Fact]
    public async Task Consume_email_ready_when_starttls_is_required_but_not_offered_counts_each_attempt_failed_and_faults_it()
    {
        // The test server has no certificate, so its EHLO offers no STARTTLS; with Security=StartTls MailKit will not go
        // on in plain text (NotSupportedException). A setting to mend, not an outage to wait out: retried, then faulted.
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var logs = new FakeLogCollector();
        await using var host = await SampleSenderHarness.StartAsync(
            smtp.Port, new Dictionary<string, string?> { ["Tailor:SampleSender:Security"] = "StartTls" }, logs);
        var email = TestEmails.Ready(sendAt: TestEmails.Now);

        await host.PublishAsync(email);

        var attempts = 1 + EmailReadyConsumerDefinition.ImmediateRetries;
        Assert.True(await host.OutcomeWithinAsync("failed", count: attempts));
        Assert.True(await host.FaultPublishedAsync<EmailReady>());
        var fault = (await host.Harness.Published.SelectAsync<Fault<EmailReady>>(TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken)).Context.Message;
        Assert.Equal(typeof(NotSupportedException).FullName, Assert.Single(fault.Exceptions).ExceptionType);
        Assert.Equal(Enumerable.Repeat("failed", attempts), host.Outcomes);
        Assert.Empty(logs.Unavailable);
        Assert.False(await host.IsParkedAsync(email.EmailId));
        Assert.Equal(0, smtp.RecipientChecks);
        Assert.False(await host.WasRecordedAsSentAsync(email.EmailId));
    }

    [Fact]
    public async Task Consume_email_ready_refused_with_550_faults_without_retrying()
    {
        var logs = new FakeLogCollector();
        await using var smtp = await TestSmtpServer.StartNewAsync();
        smtp.RefusedRecipients.Add("gone@example.com");
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port, logs: logs);
        var email = TestEmails.Ready(sendAt: TestEmails.Now, to: "gone@example.com");

        await host.PublishAsync(email);

        Assert.True(await host.FaultPublishedAsync<EmailReady>());
        var fault = (await host.Harness.Published.SelectAsync<Fault<EmailReady>>(TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken)).Context.Message;
        Assert.Equal(email.EmailId, fault.Message.EmailId);
        var exception = Assert.Single(fault.Exceptions);
        Assert.Equal(typeof(SmtpRejectedException).FullName, exception.ExceptionType);
        Assert.Contains("550", exception.Message, StringComparison.Ordinal);
        // The server quoted the recipient; the fault and the logs (MassTransit's R-FAULT) say whose email by its id only.
        Assert.Contains($"{SmtpReplyText.AddressLeftOut}: Recipient address rejected", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("gone@", Faulted(exception), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.GetSnapshot(), record => $"{record.Message} {record.Exception}".Contains("gone@", StringComparison.Ordinal));
        Assert.Equal(1, smtp.RecipientChecks);
        Assert.Empty(smtp.Messages);
        Assert.Equal(["rejected"], host.Outcomes);
        Assert.False(await host.WasRecordedAsSentAsync(email.EmailId));
    }

    [Theory]
    [InlineData("Your picks\r\nBcc: everyone@example.com")]
    [InlineData("Your picks\0 for today")]
    [InlineData("Your picks\u0085Bcc: everyone@example.com")]
    [InlineData("Your picks\u2028for today")]
    public async Task Consume_email_ready_with_a_control_character_in_its_subject_faults_as_invalid_without_connecting(string subject)
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port);

        await host.PublishAsync(TestEmails.Ready(sendAt: TestEmails.Now) with { Subject = subject });

        Assert.True(await host.FaultPublishedAsync<EmailReady>());
        var fault = (await host.Harness.Published.SelectAsync<Fault<EmailReady>>(TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken)).Context.Message;
        Assert.Equal(typeof(InvalidMessageException).FullName, Assert.Single(fault.Exceptions).ExceptionType);
        Assert.Equal(0, smtp.RecipientChecks);
        Assert.Empty(host.Outcomes);
    }

    [Fact]
    public async Task Consume_email_ready_with_a_line_break_in_a_header_faults_as_invalid_without_connecting()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port);
        var good = TestEmails.Ready(sendAt: TestEmails.Now);
        var email = good with
        {
            Headers = new Dictionary<string, string>(good.Headers) { ["List-Unsubscribe"] = "<https://email.example.com/u/1>\r\nBcc: everyone@example.com" },
        };

        await host.PublishAsync(email);

        Assert.True(await host.FaultPublishedAsync<EmailReady>());
        var fault = (await host.Harness.Published.SelectAsync<Fault<EmailReady>>(TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken)).Context.Message;
        Assert.Equal(typeof(InvalidMessageException).FullName, Assert.Single(fault.Exceptions).ExceptionType);
        Assert.Equal(0, smtp.RecipientChecks);
        Assert.Empty(host.Outcomes);
    }

    // Everything a Fault says of an exception: its message and stack, and those of the exceptions inside it.
    private static string Faulted(ExceptionInfo exception) =>
        $"{exception.Message}\n{exception.StackTrace}\n{(exception.InnerException is { } inner ? Faulted(inner) : string.Empty)}";
}
