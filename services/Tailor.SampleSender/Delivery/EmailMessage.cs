using MimeKit;
using Tailor.Contracts;
using Tailor.Messaging;

namespace Tailor.SampleSender.Delivery;

/// <summary>
/// Turns an <see cref="EmailReady"/> into the MIME message that goes over SMTP: From, To, Reply-To, Subject, Date,
/// Message-ID, every header of <see cref="EmailReady.Headers"/> as it is, the custom arguments as <c>X-Tailor-Args</c>
/// (and a provider's header when configured), and a multipart/alternative body (text, then HTML).
/// </summary>
/// <remarks>
/// <c>List-Unsubscribe</c>, <c>List-Unsubscribe-Post</c>, the argument headers and every ASCII header go out byte for
/// byte as written (<see cref="RawHeader"/>), never as RFC 2047 encoded-words: mailbox providers and SMTP relays read
/// them without decoding.
/// </remarks>
public static class EmailMessage
{
    /// <summary>Headers the sender sets itself; an <c>EmailReady</c> that lists one among its extra headers is refused.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Bcc", "Reply-To", "Sender", "Subject", "Date", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Return-Path", SampleSenderNames.ArgsHeader,
    };

    /// <summary>Headers mail clients read as they are: the unsubscribe URLs (RFC 2369) and the one-click flag (RFC 8058).</summary>
    private static readonly HashSet<string> ListUnsubscribeHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "List-Unsubscribe", "List-Unsubscribe-Post",
    };

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

        var subject = Single(email.Subject, email, nameof(EmailReady.Subject));
        if (EncodedWords.AreNeededFor(subject))
        {
            message.Headers.Replace(EncodedWords.Header(nameof(HeaderId.Subject), subject));
        }
        else
        {
            message.Subject = subject;
        }

        message.Date = now;
        message.MessageId = MessageIdOf(email, from);

        foreach (var (name, value) in email.Headers ?? new Dictionary<string, string>())
        {
            if (!IsHeaderName(name) || Reserved.Contains(name))
            {
                throw new InvalidMessageException($"{nameof(EmailReady)} {email.EventId} asks for the header '{name}', which the sender cannot set.");
            }

            AddExtra(message, email, name, Single(value, email, name));
        }

        var args = email.CustomArgs ?? new Dictionary<string, string>();
        if (args.Count > 0)
        {
            AddAsIs(message, email, SampleSenderNames.ArgsHeader, HeaderJson.Object(args));
            ProviderArgsHeaders.Add(message, email, args, options.ProviderArgsHeader);
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

    /// <summary>
    /// Adds the header written as it is (<see cref="RawHeader"/>); one that cannot be (a character beyond printable
    /// ASCII, or a word longer than a line) makes the email invalid.
    /// </summary>
    internal static void AddAsIs(MimeMessage message, EmailReady email, string name, IReadOnlyList<string> pieces) =>
        message.Headers.Add(RawHeader.TryCreate(name, pieces) ?? throw new InvalidMessageException(
            $"{nameof(EmailReady)} {email.EventId} has a {name} header that cannot be sent as it is: only printable ASCII, " +
            $"and no word over {RawHeader.MaxLineLength} octets with its header name."));

    // RFC 5322: printable US-ASCII except the colon.
    internal static bool IsHeaderName(string name) =>
        !string.IsNullOrEmpty(name) && name.All(c => c is > ' ' and <= '~' and not ':');

    // ASCII values go out as they are, folded only at their spaces. Mail clients read the List-Unsubscribe URLs as they
    // are (RFC 2369, RFC 8058), so those fold only between the <…> entries and never fall back to RFC 2047; other
    // text beyond ASCII keeps MimeKit's RFC 2047 encoding, the one way a header carries it.
    private static void AddExtra(MimeMessage message, EmailReady email, string name, string value)
    {
        if (ListUnsubscribeHeaders.Contains(name))
        {
            AddAsIs(message, email, name, RawHeader.SplitAt(value, BetweenEntries));
        }
        else if (RawHeader.IsPrintableAscii(value))
        {
            AddAsIs(message, email, name, RawHeader.SplitAt(value, (_, _) => true));
        }
        else
        {
            message.Headers.Add(name, value);
        }
    }

    // "<mailto:…>, <https://…>": the space after a comma that ends one entry and before the next.
    private static bool BetweenEntries(string value, int space) =>
        space >= 2 && value[space - 2] == '>' && value[space - 1] == ',' && value[space + 1] == '<';

    private static MailboxAddress Address(string? value, EmailReady email, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidMessageException($"{nameof(EmailReady)} {email.EventId} has no {field} (and no DefaultFrom is configured).");
        }

        if (!MailboxAddress.TryParse(value, out var address) || address.Domain.Length == 0)
        {
            // Not quoted: the text is someone's address more often than not, and this message goes to the log and the Fault.
            throw new InvalidMessageException($"{nameof(EmailReady)} {email.EventId} has a {field} that is not an address ({value.Length} characters).");
        }

        return address;
    }

    // A header value with a line break would let the message inject headers of its own. MimeKit would drop a CR or LF
    // silently and encode any other control character (a NUL, a NEL, a line separator) for the reader's client to
    // decode: none has a place in one line of header text, so the email is refused rather than sent altered.
    internal static string Single(string? value, EmailReady email, string field) =>
        value is null || value.Any(c => c != '\t' && (char.IsControl(c) || c is '\u2028' or '\u2029'))
            ? throw new InvalidMessageException($"{nameof(EmailReady)} {email.EventId} has no {field}, or one with a line break or control character.")
            : value;
}
