using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Control;

/// <summary>
/// Puts each user of a campaign in its control group or not, at random but the same way every time: the draw is a hash
/// of the campaign and the user, so a resumed fan-out, a redelivered command and a second replica all decide alike,
/// and one user is in the control group of some campaigns and not of others.
/// </summary>
public static class ControlGroup
{
    // 2^64: the hash's first eight bytes read as a fraction of it give a uniform draw in [0, 1).
    private const double Range = 18446744073709551616.0;

    /// <param name="share">The campaign's control share; null, 0 or less holds nobody out.</param>
    /// <returns><see cref="CampaignArms.Control"/> or <see cref="CampaignArms.Personalised"/>.</returns>
    public static string Arm(string campaignId, string userId, double? share) =>
        share is > 0 && Draw(campaignId, userId) < share.Value ? CampaignArms.Control : CampaignArms.Personalised;

    /// <summary>The user's uniform draw in [0, 1) for this campaign.</summary>
    public static double Draw(string campaignId, string userId)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentNullException.ThrowIfNull(userId);
        // Length-prefixed, so ("ab", "c") and ("a", "bc") draw independently.
        var key = Encoding.UTF8.GetBytes($"tailor.control|{campaignId.Length}:{campaignId}|{userId.Length}:{userId}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(key, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash) / Range;
    }
}
