using System.Text;
using System.Text.Json;
using MimeKit;
using Tailor.Contracts;
using Tailor.Messaging;

namespace Tailor.SampleSender.Delivery;

/// <summary>
/// Turns an <see cref="EmailReady"/> into the MIME message that goes over SMTP: From, To, Reply-To, Subject, Date,
/// Message-ID, every header of <see cref="EmailReady.Headers"/> as it is, the custom arguments as <c>X-Tailor-Args</c>
/// (and a provider's header when configured), and a multipart/alternative body (text, then HTML).
/// </summary>
public static class EmailMessage
{
    /// <summary>Headers the sender sets itself; an <c>EmailReady</c> that lists one among its extra headers is refused.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Bcc", "Reply-To", "Sender", "Subject", "Date", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Return-Path", SampleSenderNames.ArgsHeader,
    };

    private static readonly JsonSerializerOptions ArgsJson = new() { WriteIndented = false };

    /// <summary>Builds the message; an <c>EmailReady</c> that cannot be sent as it is throws <see cref="InvalidMessageException"/>.</summary>
    public static MimeMessage Build(EmailReady email, SampleSenderOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(options);
        if (email.EmailId == Guid.Empty)
        {
            throw new InvalidMessageException($"{nameof(EmailReady)} {email.EventId} has no EmailId.");
        }

        var from = Address(email.From ?? options.DefaultFrom, email, nameof(EmailReady.From));
        var to = Address(email.To, email, nameof(EmailReady.To));
        if (string.IsNullOrWhiteSpace(email.TextBody) && string.IsNullOrWhiteSpace(email.HtmlBody))
        {
            throw new InvalidMessageException($"{nameof(EmailReady)} {email.EventId} has neither a text nor an HTML body.");
        }

        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        if (!string.IsNullOrWhiteSpace(email.ReplyTo))
        {
            message.ReplyTo.Add(Address(email.ReplyTo, email, nameof(EmailReady.ReplyTo)));
        }

        message.Subject = Single(email.Subject, email, nameof(EmailReady.Subject));
        message.Date = now;
        message.MessageId = MessageIdOf(email, from);

        foreach (var (name, value) in email.Headers ?? new Dictionary<string, string>())
        {
            if (!IsHeaderName(name) || Reserved.Contains(name))
            {
                throw new InvalidMessageException($"{nameof(EmailReady)} {email.EventId} asks for the header '{name}', which the sender cannot set.");
            }

            message.Headers.Add(name, Single(value, email, name));
        }

        var args = email.CustomArgs ?? new Dictionary<string, string>();
        if (args.Count > 0)
        {
            message.Headers.Add(SampleSenderNames.ArgsHeader, JsonSerializer.Serialize(args, ArgsJson));
            AddProviderHeaders(message, args, options.ProviderArgsHeader);
        }

        var body = new BodyBuilder
        {
            TextBody = string.IsNullOrWhiteSpace(email.TextBody) ? null : email.TextBody,
            HtmlBody = string.IsNullOrWhiteSpace(email.HtmlBody) ? null : email.HtmlBody,
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>
    /// The Message-ID without its angle brackets: the one the <c>EmailReady</c> names, else one derived from the email id
    /// and the From domain, so a resend goes out under the same id.
    /// </summary>
    public static string MessageIdOf(EmailReady email, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(from);
        if (string.IsNullOrWhiteSpace(email.MessageId))
        {
            return $"{email.EmailId:D}@{from.Domain}";
        }

        var id = email.MessageId.Trim().TrimStart('<').TrimEnd('>');
        if (id.IndexOf('@', StringComparison.Ordinal) <= 0 || id.Any(c => c is '<' or '>' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new InvalidMessageException($"{nameof(EmailReady)} {email.EventId} has a MessageId that is not '<local@domain>': '{email.MessageId}'.");
        }

        return id;
    }

    private static void AddProviderHeaders(MimeMessage message, IReadOnlyDictionary<string, string> args, ProviderArgsHeader provider)
    {
        switch (provider)
        {
            case ProviderArgsHeader.SendGrid:
                message.Headers.Add("X-SMTPAPI", JsonSerializer.Serialize(new Dictionary<string, object> { ["unique_args"] = args }, ArgsJson));
                break;
            case ProviderArgsHeader.Mailgun:
                message.Headers.Add("X-Mailgun-Variables", JsonSerializer.Serialize(args, ArgsJson));
                break;
            case ProviderArgsHeader.Ses:
                // SES tag values allow letters, digits, '_', '-', '.', '@'; anything else would make SES refuse the email.
                message.Headers.Add("X-SES-MESSAGE-TAGS", string.Join(", ", args.Select(arg => $"{arg.Key}={SesTagValue(arg.Value)}")));
                break;
            case ProviderArgsHeader.Postmark:
                foreach (var (name, value) in args)
                {
                    message.Headers.Add($"X-PM-Metadata-{name}", value);
                }

                break;
            case ProviderArgsHeader.None:
            default:
                break;
        }
    }

    private static string SesTagValue(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '@' ? c : '_');
        }

        return text.ToString();
    }

    private static MailboxAddress Address(string? value, EmailReady email, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidMessageException($"{nameof(EmailReady)} {email.EventId} has no {field} (and no DefaultFrom is configured).");
        }

        if (!MailboxAddress.TryParse(value, out var address) || address.Domain.Length == 0)
        {
            throw new InvalidMessageException($"{nameof(EmailReady)} {email.EventId} has a {field} that is not an address: '{value}'.");
        }

        return address;
    }

    // A header value with a line break would let the message inject headers of its own.
    private static string Single(string? value, EmailReady email, string field) =>
        value is null || value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal)
            ? throw new InvalidMessageException($"{nameof(EmailReady)} {email.EventId} has no {field}, or one with a line break.")
            : value;

    // RFC 5322: printable US-ASCII except the colon.
    private static bool IsHeaderName(string name) =>
        !string.IsNullOrEmpty(name) && name.All(c => c is > ' ' and <= '~' and not ':');
}
