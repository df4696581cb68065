using Tailor.ContentGeneration.Composition;

namespace Tailor.ContentGeneration.Personalization;

/// <summary>The headers an <c>EmailReady</c> asks its sender to set: one-click unsubscribe and the email's id.</summary>
public static class EmailHeaders
{
    /// <summary>
    /// Names the email to the provider. SES echoes headers back in its events (<c>mail.headers</c>), so a sender that
    /// copies the headers gets its webhooks correlated without passing <c>tailor_email_id</c> separately.
    /// </summary>
    public const string EmailId = "X-Tailor-Email-Id";

    public static IReadOnlyDictionary<string, string> For(EmailLinks links, Guid emailId) =>
        new Dictionary<string, string>(UnsubscribeHeaders.For(links, emailId), StringComparer.OrdinalIgnoreCase)
        {
            [EmailId] = emailId.ToString("D"),
        };
}
