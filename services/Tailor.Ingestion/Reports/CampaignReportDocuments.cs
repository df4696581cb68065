using System.Text.Json.Serialization;

namespace Tailor.Ingestion.Reports;

/// <summary>The answer of <c>GET /v1/campaigns/{id}/report</c>.</summary>
/// <param name="RateBase">
/// What the rates are over: <c>delivered</c> when delivery events came for the campaign, else <c>sent</c> (a sender
/// whose provider reports no deliveries).
/// </param>
/// <param name="Arms">One row per arm of the control test: <c>personalised</c> and, when the campaign has a control group, <c>control</c>.</param>
/// <param name="Variants">One row per arm and subject variant (<c>none</c> for emails whose copy had one subject).</param>
/// <param name="Lift">The personalised arm against the control group; null without both arms, or while either has nothing to rate over.</param>
/// <param name="LiftUnavailable">Why <paramref name="Lift"/> is null, in words; left out when there is a lift.</param>
internal sealed record CampaignReportDocument(
    string CampaignId,
    string RateBase,
    CampaignGroupDocument Total,
    IReadOnlyList<CampaignGroupDocument> Arms,
    IReadOnlyList<CampaignGroupDocument> Variants,
    CampaignLiftDocument? Lift,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LiftUnavailable = null);

/// <summary>The emails of a campaign, one arm, or one arm's subject variant: each count is of emails, not events.</summary>
/// <param name="Delivered">Emails with a delivery event, or with an open or click, which prove delivery when the event was lost.</param>
/// <param name="Opens">Emails a person opened or clicked through (machine opens, by privacy proxies and prefetchers, are <paramref name="MachineOpens"/>).</param>
/// <param name="Clicks">Emails a person clicked through (link scanners' clicks are <paramref name="MachineClicks"/>).</param>
/// <param name="Bounces">Emails that bounced, soft or hard.</param>
/// <param name="OpenRate">Opens over the report's rate base; null when the base is 0.</param>
/// <param name="ClickRate">Clicks over the report's rate base; null when the base is 0.</param>
/// <param name="Conversions">
/// Emails in the rate base with at least one order attributed to them: an order counts for the latest campaign email
/// the user was sent within the conversion window before it (<c>Tailor:Ingestion:ConversionWindow</c>, 5 days).
/// </param>
/// <param name="ConversionRate">Conversions over the report's rate base; null when the base is 0.</param>
/// <param name="Orders">The orders attributed to those emails, each once however many lines it had.</param>
/// <param name="Revenue">What those orders came to (price times quantity of every line), per currency; never summed across currencies.</param>
/// <param name="RevenuePerEmail">Revenue over the report's rate base, per currency, to four places; null when the base is 0.</param>
internal sealed record CampaignGroupDocument(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Arm,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Variant,
    long Sent,
    long Delivered,
    long Opens,
    long MachineOpens,
    long Clicks,
    long MachineClicks,
    long Unsubscribes,
    long Complaints,
    long Bounces,
    double? OpenRate,
    double? ClickRate,
    long Conversions,
    double? ConversionRate,
    long Orders,
    IReadOnlyDictionary<string, decimal> Revenue,
    IReadOnlyDictionary<string, decimal>? RevenuePerEmail);

/// <param name="ConfidenceLevel">0.95.</param>
/// <param name="Method">How the intervals are computed, in words.</param>
/// <param name="Conversion">The conversion rates: emails with an attributed order over the rate base.</param>
internal sealed record CampaignLiftDocument(double ConfidenceLevel, string Method, RateLiftDocument Open, RateLiftDocument Click, RateLiftDocument Conversion);

/// <summary>One rate of the personalised arm against the control group's.</summary>
/// <param name="Difference">Personalised rate minus control rate, with its interval.</param>
/// <param name="Ratio">Personalised rate over control rate, with its interval; null when either arm had the event in no email or in every email.</param>
/// <param name="RatioUnavailable">Why <paramref name="Ratio"/> is null, in words; left out when there is a ratio.</param>
internal sealed record RateLiftDocument(
    double PersonalisedRate,
    double ControlRate,
    Interval Difference,
    Interval? Ratio,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RatioUnavailable = null);
