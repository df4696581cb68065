namespace Tailor.Ingestion.Requests;

/// <summary>A validated campaign request.</summary>
/// <param name="UserIds">The audience; null means every known user.</param>
/// <param name="DominantTopic">Only users whose dominant topic has this label; null for no such filter.</param>
/// <param name="ContentHash">Names this exact request, so a retried one asks for one campaign.</param>
internal sealed record CampaignInput(
    string Name,
    string Goal,
    IReadOnlyList<string>? UserIds,
    DateTimeOffset SendWindowStart,
    DateTimeOffset SendWindowEnd,
    string? DominantTopic,
    string ContentHash);
