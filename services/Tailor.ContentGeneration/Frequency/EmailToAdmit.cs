using Tailor.Contracts;

namespace Tailor.ContentGeneration.Frequency;

/// <summary>An email waiting for the frequency cap's decision, and its campaign's type (null for the default type).</summary>
/// <param name="Clock">The user's time zone, on whose calendar the cap's periods are counted; null for UTC.</param>
public sealed record EmailToAdmit(EmailReady Email, string? CampaignType, TimeZoneInfo? Clock = null);
