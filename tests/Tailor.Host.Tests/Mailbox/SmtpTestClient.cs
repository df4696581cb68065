using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Tailor.Host.Tests.Mailbox;

/// <summary>Sends messages to a mailbox the way the sample sender does: MailKit, plain SMTP on loopback.</summary>
internal static class SmtpTestClient
{
    public static MimeMessage Message(string to, string subject, string? html, string text = "Hello Ada,\n\nYour picks.\n")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Tailor Shop", "shop@example.com"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Headers.Add("List-Unsubscribe", "<http://localhost:5000/u/35465430-0105-8623-877f-052cbe33023f?s=abc>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    public static async Task<string> SendAsync(int port, MimeMessage message)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = new SmtpClient { Timeout = 10_000 };
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None, cancellationToken);
        var reply = await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return reply;
    }
}
