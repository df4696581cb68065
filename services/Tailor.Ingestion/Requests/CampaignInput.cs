namespace Tailor.Ingestion.Requests;

/// <summary>A validated campaign request.</summary>
/// <param name="Audience">Who it goes to; every filter null means every known user.</param>
/// <param name="CampaignType">Which frequency cap the emails count against; null for ContentGeneration's default type.</param>
/// <param name="Sections">Which email sections the campaign shows, in order; null for every section.</param>
/// <param name="ContentHash">Names this exact request (type included), so a retried one asks for one campaign.</param>
/// <param name="ControlShare">The share of the audience held out as the control group, 0 for none.</param>
internal sealed record CampaignInput(
    string Name,
    string Goal,
    CampaignAudience Audience,
    DateTimeOffset SendWindowStart,
    DateTimeOffset SendWindowEnd,
    string? CampaignType,
    string ContentHash,
    IReadOnlyList<string>? Sections = null,
    double ControlShare = Contracts.CampaignArms.DefaultControlShare);
