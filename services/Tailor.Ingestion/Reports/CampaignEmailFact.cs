namespace Tailor.Ingestion.Reports;

/// <summary>One email of a campaign reached one outcome; it carries the email's arm and subject variant, so counting needs nothing else.</summary>
/// <param name="Variant">The subject variant, or null when the email's copy had one subject.</param>
internal sealed record CampaignEmailFact(Guid EmailId, CampaignOutcome Outcome, string Arm, string? Variant);
