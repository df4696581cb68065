using Tailor.Contracts;
using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

/// <summary>
/// What ContentGeneration refuses in a campaign's messages (a request, a page of commands): Ingestion checks the same
/// over HTTP, and these catch what was published straight onto the bus.
/// </summary>
internal static class CampaignMessageChecks
{
    public static void RequireWindow(DateTimeOffset start, DateTimeOffset end, string messageType, Guid eventId)
    {
        if (end <= start)
        {
            throw new InvalidMessageException($"{messageType} {eventId} has a send window that ends before it starts.");
        }
    }

    public static void RequireCampaignType(string? campaignType, string messageType, Guid eventId)
    {
        if (campaignType is not null && !CampaignTypes.IsWellFormed(campaignType))
        {
            throw new InvalidMessageException(
                $"{messageType} {eventId} has campaign type '{campaignType}': a type is a lowercase token of letters, digits and '-', at most {CampaignTypes.MaxLength} characters.");
        }
    }

    /// <summary>Sections published straight onto the bus skip Ingestion's checks: an unknown or empty list is refused here.</summary>
    public static void RequireSections(IReadOnlyList<string>? sections, string messageType, Guid eventId)
    {
        if (sections is not null && (sections.Count == 0 || !sections.All(EmailSections.IsKnown) || sections.Distinct(StringComparer.Ordinal).Count() != sections.Count))
        {
            throw new InvalidMessageException(
                $"{messageType} {eventId} has sections [{string.Join(", ", sections)}]: name one or more of {string.Join(", ", EmailSections.All)}, each once.");
        }
    }
}
