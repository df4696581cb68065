using Tailor.Messaging;

namespace Tailor.ContentGeneration;

/// <summary>
/// Ids derived from what they identify, so a redelivered campaign or command produces the same ids again and every
/// idempotent consumer downstream (and every sender) sees one email per user per campaign.
/// </summary>
public static class MessageIds
{
    public static Guid PersonalizeEmail(string campaignId, string userId) => Create("personalize-email", campaignId, userId);

    /// <summary>A page of a campaign's fan-out, named by the campaign and the page's first user.</summary>
    public static Guid PersonalizeEmails(string campaignId, string firstUserId) => Create("personalize-emails", campaignId, firstUserId);

    /// <summary>The <c>EmailId</c> senders and engagement webhooks refer to.</summary>
    public static Guid Email(string campaignId, string userId) => Create("email", campaignId, userId);

    public static Guid EmailReady(Guid emailId) => Create("email-ready", emailId.ToString("D"));

    public static Guid EmailSuppressed(string campaignId, string userId) => Create("email-suppressed", campaignId, userId);

    private static Guid Create(params string[] parts) => StableIds.From("tailor.contentgeneration", parts);
}
