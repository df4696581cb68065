using System.Text.RegularExpressions;

namespace Tailor.SampleSender.Delivery;

/// <summary>
/// An SMTP server's words as the sender passes them on, in its log lines and in the exception a <c>Fault</c> and the
/// <c>_error</c> queue's headers carry: with every email address taken out. Servers often quote the recipient
/// ("550 5.1.1 &lt;bob@example.com&gt;: Recipient address rejected") or the login ("535 5.7.8 Authentication failed
/// for bob@example.com"), and logs are shipped and kept where personal data must not go; the email id beside it says
/// whose email it was.
/// </summary>
public static partial class SmtpReplyText
{
    /// <summary>What stands where an address was.</summary>
    public const string AddressLeftOut = "<address>";

    public static string WithoutAddresses(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Address().Replace(text, AddressLeftOut);
    }

    // Anything with an @ between characters no address ends at, with its angle brackets when it has them. Loose on
    // purpose: a false match costs a word of a reply, a missed one an address in a log.
    [GeneratedRegex(@"<?[^\s<>@""',;:()\[\]]+@[^\s<>@""',;:()\[\]]+>?")]
    private static partial Regex Address();
}
