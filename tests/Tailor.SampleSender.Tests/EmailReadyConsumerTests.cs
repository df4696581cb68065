using System.Text.Json;
using MimeKit;
using Tailor.Contracts;
using Tailor.SampleSender.Delivery;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.SampleSender.Tests;

/// <summary>EmailReady in, a MIME message out on a real SMTP server: what it carries, when it goes, and that it goes once.</summary>
public sealed class EmailReadyConsumerTests
{
    [Fact]
    public async Task Consume_email_ready_delivers_it_over_smtp_with_its_headers()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port);
        var email = TestEmails.Ready(sendAt: TestEmails.Now);

        await host.PublishAsync(email);

        var received = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal("shop@example.com", received.MailFrom);
        Assert.Equal(["ada@example.com"], received.RcptTo);
        var message = received.Message;
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Tailor Shop", "shop@example.com"), (from.Name, from.Address));
        Assert.Equal("ada@example.com", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal("care@example.com", Assert.IsType<MailboxAddress>(Assert.Single(message.ReplyTo)).Address);
        Assert.Equal(email.Subject, message.Subject);
        Assert.Equal($"{email.EmailId:D}@example.com", message.MessageId);
        Assert.Equal(TestEmails.Now, message.Date);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(part => part.ContentType.MimeType));
        Assert.Equal(email.TextBody, message.TextBody?.ReplaceLineEndings("\n"));
        Assert.Equal(email.HtmlBody, message.HtmlBody?.TrimEnd('\r', '\n'));

        Assert.Equal(email.Headers["List-Unsubscribe"], Unfolded(message, "List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(email.EmailId.ToString("D"), message.Headers["X-Tailor-Email-Id"]);
        var args = JsonSerializer.Deserialize<Dictionary<string, string>>(Unfolded(message, SampleSenderNames.ArgsHeader));
        Assert.Equal(email.CustomArgs!.OrderBy(arg => arg.Key), args!.OrderBy(arg => arg.Key));

        Assert.True(await Polling.WithinAsync(() => host.WasRecordedAsSentAsync(email.EmailId)));
        var sent = Assert.Single(await host.Events.ReadMessagesAsync<EmailSent>(
            new EventQuery(SampleSenderNames.Stream), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((email.EmailId, "16556", $"{email.EmailId:D}@example.com"), (sent.EmailId, sent.UserId, sent.MessageId));
        Assert.False(await host.FaultPublishedAsync<EmailReady>());
    }

    [Fact]
    public async Task Consume_email_ready_sends_list_unsubscribe_and_the_provider_args_over_smtp_as_they_are()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var host = await SampleSenderHarness.StartAsync(
            smtp.Port, new Dictionary<string, string?> { ["Tailor:SampleSender:ProviderArgsHeader"] = nameof(ProviderArgsHeader.SendGrid) });
        var email = EmailMessageWireTests.LongEmail();

        await host.PublishAsync(email);

        // The bytes the SMTP server was handed: what SendGrid, Gmail and Yahoo read.
        var wire = WireHeaders.Of(Assert.Single(await smtp.WaitForMessagesAsync(1)).Raw);
        wire.AssertWritableAsIs("List-Unsubscribe", "List-Unsubscribe-Post", SampleSenderNames.ArgsHeader, "X-SMTPAPI");
        Assert.Equal(email.Headers["List-Unsubscribe"], wire.Single("List-Unsubscribe"));
        Assert.Contains($"<{EmailMessageWireTests.UnsubscribeUrl(email.EmailId)}>", wire.Single("List-Unsubscribe"), StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", wire.Single("List-Unsubscribe-Post"));
        var args = JsonSerializer.Deserialize<Dictionary<string, string>>(wire.Single(SampleSenderNames.ArgsHeader));
        Assert.Equal(email.CustomArgs!.OrderBy(arg => arg.Key), args!.OrderBy(arg => arg.Key));
        using var smtpApi = JsonDocument.Parse(wire.Single("X-SMTPAPI"));
        Assert.Equal("tenant/42/user/Zoë 7", smtpApi.RootElement.GetProperty("unique_args").GetProperty("tailor_user_id").GetString());
        Assert.False(await host.FaultPublishedAsync<EmailReady>());
    }

    [Fact]
    public async Task Consume_email_ready_with_a_hostile_subject_delivers_it_encoded_as_written_and_to_no_one_else()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port);
        // An encoded-word of its own ("Bcc: evil@example.com" in base64), quotes, markup, text beyond ASCII and a
        // "header" inside the text, long enough to be folded many times.
        var subject = "=?utf-8?b?QmNjOiBldmlsQGV4YW1wbGUuY29t?= \"Zoë\" <b>50%</b> 😀 Bcc: evil@example.com " + string.Concat(Enumerable.Repeat("très long ", 40)) + "fin";
        var email = TestEmails.Ready(sendAt: TestEmails.Now) with { Subject = subject };

        await host.PublishAsync(email);

        var received = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal(["ada@example.com"], received.RcptTo);
        Assert.Equal(subject, received.Message.Subject);
        Assert.Empty(received.Message.Bcc);
        // Every header octet is ASCII, no line passes 998 octets, and the subject is the only field that names Bcc.
        var wire = WireHeaders.Of(received.Raw);
        wire.AssertWritableAsIs();
        Assert.DoesNotContain(wire.Lines, line => line.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        // The subject's own "=?…?=" would be decoded by the reader's client, so the whole subject goes out as
        // encoded-words, which decode to exactly the text written; a line holding one is at most 76 characters, the
        // first's "Subject: " included (RFC 2047 § 2).
        Assert.All(wire.Single("Subject").Split(' '), word => Assert.Matches("^=\\?utf-8\\?b\\?[A-Za-z0-9+/=]{1,60}\\?=$", word));
        Assert.All(wire.Lines.Where(line => line.Contains("=?utf-8?b?", StringComparison.Ordinal)), line => Assert.InRange(line.Length, 1, 76));
        Assert.False(await host.FaultPublishedAsync<EmailReady>());
    }

    [Fact]
    public async Task Consume_email_ready_due_within_max_hold_is_not_delivered_before_its_send_time()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port);
        var sendAt = TestEmails.Now.AddSeconds(90);
        var email = TestEmails.Ready(sendAt);

        await host.PublishAsync(email);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Empty(smtp.Messages);
        Assert.False(await host.IsParkedAsync(email.EmailId));

        host.Clock.Advance(TimeSpan.FromSeconds(89));
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.Empty(smtp.Messages);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var received = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal(sendAt, received.Message.Date);
        Assert.False(await host.FaultPublishedAsync<EmailReady>());
    }

    [Fact]
    public async Task Consume_email_ready_due_tomorrow_parks_it_and_delivers_it_at_its_send_time()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port);
        var sendAt = TestEmails.Now.AddDays(1);
        var email = TestEmails.Ready(sendAt);

        await host.PublishAsync(email);
        Assert.True(await Polling.WithinAsync(() => host.IsParkedAsync(email.EmailId)));
        Assert.True(await host.OutcomeWithinAsync("scheduled"));

        // Polls before its hand-over time leave it parked.
        host.Clock.Advance(TimeSpan.FromHours(23));
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.True(await host.IsParkedAsync(email.EmailId));
        Assert.Empty(smtp.Messages);

        // MaxHold before its time the dispatcher sends it back to the queue, and the consumer holds it the last stretch.
        host.Clock.Advance(TimeSpan.FromHours(1) - SampleSenderHarness.MaxHold);
        Assert.True(await Polling.WithinAsync(async () => !await host.IsParkedAsync(email.EmailId)));
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.Empty(smtp.Messages);

        host.Clock.Advance(SampleSenderHarness.MaxHold);
        var received = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal(sendAt, received.Message.Date);
        Assert.Equal(email.Subject, received.Message.Subject);
        Assert.False(await host.FaultPublishedAsync<EmailReady>());
    }

    [Fact]
    public async Task Consume_redelivered_email_ready_delivers_it_once()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port);
        var email = TestEmails.Ready(sendAt: TestEmails.Now);
        // The same message twice at once, then again later with a new event id (ContentGeneration republishing it).
        await Task.WhenAll(host.PublishAsync(email), host.PublishAsync(email));
        await smtp.WaitForMessagesAsync(1);
        await host.PublishAsync(email with { EventId = Guid.NewGuid() });

        Assert.True(await host.OutcomeWithinAsync("duplicate", count: 2));
        Assert.Single(smtp.Messages);
        Assert.Equal(["duplicate", "duplicate", "sent"], host.Outcomes.Order());
        Assert.False(await host.FaultPublishedAsync<EmailReady>());
    }

    [Fact]
    public async Task Consume_email_ready_due_tomorrow_after_it_was_sent_is_not_parked_again()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port);
        var email = TestEmails.Ready(sendAt: TestEmails.Now);
        await host.PublishAsync(email);
        await smtp.WaitForMessagesAsync(1);
        Assert.True(await Polling.WithinAsync(() => host.WasRecordedAsSentAsync(email.EmailId)));

        await host.PublishAsync(email with { SendAt = TestEmails.Now.AddDays(1) });

        Assert.True(await host.OutcomeWithinAsync("duplicate"));
        Assert.False(await host.IsParkedAsync(email.EmailId));
        Assert.Single(smtp.Messages);
    }

    // A long header comes back folded over several lines; unfolding gives the value that was sent.
    private static string Unfolded(MimeMessage message, string header) =>
        string.Concat((message.Headers[header] ?? string.Empty).Split(["\r\n", "\n"], StringSplitOptions.None).Select((line, index) => index == 0 ? line : line[1..]))
            .Trim();
}
