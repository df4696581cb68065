using Tailor.Contracts;

namespace Tailor.ContentGeneration.Frequency;

/// <summary>An email waiting for the frequency cap's decision, and its campaign's type (null for the default type).</summary>
public sealed record EmailToAdmit(EmailReady Email, string? CampaignType);
