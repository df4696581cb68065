using System.Security.Cryptography;
using System.Text;

namespace Tailor.ContentGeneration;

/// <summary>
/// Ids derived from what they identify, so a redelivered campaign or command produces the same ids again and every
/// idempotent consumer downstream (and every sender) sees one email per user per campaign.
/// </summary>
public static class MessageIds
{
    public static Guid PersonalizeEmail(string campaignId, string userId) => Create("personalize-email", campaignId, userId);

    /// <summary>The <c>EmailId</c> senders and engagement webhooks refer to.</summary>
    public static Guid Email(string campaignId, string userId) => Create("email", campaignId, userId);

    public static Guid EmailReady(Guid emailId) => Create("email-ready", emailId.ToString("D"));

    public static Guid EmailSuppressed(string campaignId, string userId) => Create("email-suppressed", campaignId, userId);

    /// <summary>An RFC 9562 version-8 UUID over SHA-256 of the length-prefixed parts (no two part lists collide).</summary>
    private static Guid Create(params string[] parts)
    {
        var text = new StringBuilder("tailor.contentgeneration");
        foreach (var part in parts)
        {
            text.Append('|').Append(part.Length).Append(':').Append(part);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
