using System.Net.Sockets;
using MailKit;
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
    /// <summary>
    /// Sends the message and returns the server's reply. A 5xx reply throws <see cref="SmtpRejectedException"/>; a server
    /// that cannot take it now throws <see cref="SmtpUnavailableException"/> (see <see cref="IsTransient"/>).
    /// </summary>
    /// <remarks>
    /// Anything else (a bug, a setting MailKit refuses) propagates as it is, with its stack: the consumer's retry tries it
    /// again a few times, then it faults.
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
            // MailKit's exception is not kept inside: its message is the reply as it came, address and all (SmtpReplyText).
            throw new SmtpRejectedException(
                $"{settings.Host}:{settings.Port} refused email {message.MessageId} for good ({(int)exception.StatusCode} {exception.ErrorCode}): " +
                SmtpReplyText.WithoutAddresses(exception.Message))
            {
                StatusCode = (int)exception.StatusCode,
            };
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            var server = $"{settings.Host}:{settings.Port}";
            var reason = SmtpReplyText.WithoutAddresses(
                exception is SmtpCommandException command ? $"{(int)command.StatusCode} {command.Message}" : FirstLine(exception.Message));
            throw new SmtpUnavailableException($"SMTP server {server} did not take email {message.MessageId}: {reason}", KeptInside(exception))
            {
                Server = server,
                Reason = reason,
            };
        }
    }

    /// <summary>
    /// What a server that is down, busy or unreachable raises, or a network in between: a refused or reset connection
    /// (<see cref="SocketException"/>, <see cref="IOException"/>), a timeout, a dropped or garbled session
    /// (<see cref="ProtocolException"/>), a 4xx reply, and a failed AUTH or TLS handshake (an expired or mismatched
    /// certificate), which are mended at the relay or in the settings without losing the email. Cancellation is not among
    /// them: it is a shutdown, and the message goes back to the queue.
    /// </summary>
    private static bool IsTransient(Exception exception) =>
        exception is SocketException or IOException or TimeoutException or ProtocolException or SmtpCommandException
            or AuthenticationException or SslHandshakeException;

    // A reply of the server (a 4xx, a refused login) is passed on only without its addresses, so the exception that
    // carried it as it came stays out of the fault; a network's or TLS's failure keeps its own exception and stack.
    private static Exception? KeptInside(Exception exception) =>
        exception is SmtpCommandException or AuthenticationException ? null : exception;

    // MailKit's TLS failure explains itself over several paragraphs; the log line keeps its first.
    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd();

    private static SecureSocketOptions Secure(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.Auto,
    };
}
