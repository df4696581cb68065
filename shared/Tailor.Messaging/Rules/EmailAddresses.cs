using System.Net.Mail;

namespace Tailor.Messaging.Rules;

/// <summary>
/// What Tailor takes as a user's email address, over HTTP and on the bus alike: a bare address (no display name, no
/// spaces around it) that .NET's mail stack can send to. Anything else would end as an email a sender cannot deliver.
/// </summary>
public static class EmailAddresses
{
    public const string Problem = "Must be an email address.";

    public static bool IsAddress(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.DisplayName.Length == 0;
}
