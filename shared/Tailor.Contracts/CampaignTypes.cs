namespace Tailor.Contracts;

/// <summary>
/// What <see cref="CampaignRequested.CampaignType"/> may hold: a lowercase token of letters, digits and '-', at most
/// <see cref="MaxLength"/> characters. Each type has its own frequency cap in ContentGeneration; these three are
/// configured out of the box, and any other well-formed type is capped as the default type.
/// </summary>
public static class CampaignTypes
{
    public const int MaxLength = 40;

    /// <summary>Offers and announcements: capped (3 per 7 days by default) and lowered further for saturated users.</summary>
    public const string Promotional = "promotional";

    /// <summary>Regular editorial mail: capped (1 per 7 days by default).</summary>
    public const string Newsletter = "newsletter";

    /// <summary>Mail the user expects because of something they did: never capped by default.</summary>
    public const string Transactional = "transactional";

    public static bool IsWellFormed(string? type) =>
        !string.IsNullOrEmpty(type)
        && type.Length <= MaxLength
        && type.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
