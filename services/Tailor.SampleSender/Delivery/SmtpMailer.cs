using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Tailor.SampleSender.Delivery;

/// <summary>Hands one message to the configured SMTP server with MailKit: connect, authenticate, send, quit.</summary>
/// <remarks>
/// One connection per email keeps the sample simple and every failure local to its email; a team sending millions
/// would keep a few connections open (a pool) or use its provider's HTTP API.
/// </remarks>
public sealed class SmtpMailer(IOptions<SampleSenderOptions> options)
{
    /// <summary>Sends the message and returns the server's reply; a 5xx reply throws <see cref="SmtpRejectedException"/>.</summary>
    /// <remarks>
    /// Anything else (connection refused, a dropped connection, a 4xx reply, a timeout) propagates as it is: transient,
    /// so the consumer's retry tries again.
    /// </remarks>
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, Secure(settings.Security), cancellationToken);
            if (!string.IsNullOrWhiteSpace(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, cancellationToken);
            }

            var reply = await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return reply;
        }
        catch (SmtpCommandException exception) when ((int)exception.StatusCode is >= 500 and < 600)
        {
            throw new SmtpRejectedException(
                $"{settings.Host}:{settings.Port} refused email {message.MessageId} for good ({(int)exception.StatusCode} {exception.ErrorCode}): {exception.Message}",
                exception)
            {
                StatusCode = (int)exception.StatusCode,
            };
        }
    }

    private static SecureSocketOptions Secure(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.Auto,
    };
}
