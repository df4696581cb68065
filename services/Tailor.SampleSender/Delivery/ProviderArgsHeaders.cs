using System.Text;
using MimeKit;
using Tailor.Contracts;
using Tailor.Messaging;

namespace Tailor.SampleSender.Delivery;

/// <summary>The custom arguments in the header a provider's SMTP relay reads, so its webhooks echo them back.</summary>
internal static class ProviderArgsHeaders
{
    public static void Add(MimeMessage message, EmailReady email, IReadOnlyDictionary<string, string> args, ProviderArgsHeader provider)
    {
        if (args.Count == 0)
        {
            return;
        }

        switch (provider)
        {
            case ProviderArgsHeader.SendGrid:
                EmailMessage.AddAsIs(message, email, "X-SMTPAPI", HeaderJson.Wrap("unique_args", HeaderJson.Object(args)));
                break;
            case ProviderArgsHeader.Mailgun:
                EmailMessage.AddAsIs(message, email, "X-Mailgun-Variables", HeaderJson.Object(args));
                break;
            case ProviderArgsHeader.Ses:
                // SES tag names allow letters, digits, '_', '-' (values also '.', '@'); anything else would make SES refuse the email.
                var tags = args.Select(arg => $"{SesTag(arg.Key, nameOnly: true)}={SesTag(arg.Value, nameOnly: false)},").ToList();
                tags[^1] = tags[^1][..^1];
                EmailMessage.AddAsIs(message, email, "X-SES-MESSAGE-TAGS", tags);
                break;
            case ProviderArgsHeader.Postmark:
                foreach (var (name, value) in args)
                {
                    AddPostmarkMetadata(message, email, $"X-PM-Metadata-{name}", value);
                }

                break;
            case ProviderArgsHeader.None:
            default:
                break;
        }
    }

    private static void AddPostmarkMetadata(MimeMessage message, EmailReady email, string header, string value)
    {
        if (!EmailMessage.IsHeaderName(header))
        {
            throw new InvalidMessageException($"{nameof(EmailReady)} {email.EventId} has a custom argument that cannot name the header '{header}'.");
        }

        if (RawHeader.IsPrintableAscii(EmailMessage.Single(value, email, header)))
        {
            EmailMessage.AddAsIs(message, email, header, RawHeader.SplitAt(value, (_, _) => true));
        }
        else
        {
            // Postmark reads each value as a header's text, and RFC 2047 is how a header carries text beyond ASCII
            // (Tailor finds its emails by tailor_email_id, which is always ASCII).
            message.Headers.Add(header, value);
        }
    }

    private static string SesTag(string value, bool nameOnly)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || (!nameOnly && c is '.' or '@') ? c : '_');
        }

        return text.ToString();
    }
}
