namespace Tailor.Ingestion.Requests;

/// <summary>A validated campaign request.</summary>
/// <param name="UserIds">The audience; null means every known user.</param>
/// <param name="DominantTopic">Only users whose dominant topic has this label; null for no such filter.</param>
/// <param name="CampaignType">Which frequency cap the emails count against; null for ContentGeneration's default type.</param>
/// <param name="ContentHash">Names this exact request (type included), so a retried one asks for one campaign.</param>
internal sealed record CampaignInput(
    string Name,
    string Goal,
    IReadOnlyList<string>? UserIds,
    DateTimeOffset SendWindowStart,
    DateTimeOffset SendWindowEnd,
    string? DominantTopic,
    string? CampaignType,
    string ContentHash);
