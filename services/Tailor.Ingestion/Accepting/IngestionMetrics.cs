using System.Diagnostics.Metrics;

namespace Tailor.Ingestion.Accepting;

/// <summary>Meter <c>Tailor.Ingestion</c>: what came in, what was a retry, what was turned away.</summary>
internal sealed class IngestionMetrics
{
    public const string MeterName = "Tailor.Ingestion";

    private readonly Counter<long> _published;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _webhookEvents;
    private readonly Counter<long> _engagements;
    private readonly Counter<long> _campaignEmails;
    private readonly Counter<long> _earlyEngagements;

    public IngestionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("tailor.ingestion.messages.published", description: "Messages stored and published.");
        _duplicates = meter.CreateCounter<long>("tailor.ingestion.messages.duplicates", description: "Messages already stored and published (retries).");
        _rejected = meter.CreateCounter<long>(RejectedName, description: "Requests answered with a 4xx.");
        _webhookEvents = meter.CreateCounter<long>(
            "tailor.ingestion.webhook.events",
            description: "Provider events by outcome: accepted, held (its email is not stored yet: accepted once it is), hold_full (its email not stored yet already holds the most it may: dropped), unknown_email (names no email of Tailor's), by_address (no email named, the address's suppression changed), skipped (nothing Tailor acts on).");
        _engagements = meter.CreateCounter<long>(
            EngagementsName,
            "{event}",
            "Opens, clicks, bounces and unsubscribes of Tailor's emails accepted from webhooks and from the links in emails, by kind, campaign, arm, subject variant and machine open (a retried webhook or a repeated click counts again).");
        _campaignEmails = meter.CreateCounter<long>(
            CampaignEmailsName,
            "{email}",
            "Emails of a campaign by outcome (sent, delivered, open, machine_open, click, machine_click, unsubscribe, complaint, bounce), arm and subject variant, each email counted once per outcome: the numbers of GET /v1/campaigns/{id}/report.");
        _earlyEngagements = meter.CreateCounter<long>(
            EarlyEngagementsName,
            "{event}",
            "Engagements (webhook events, link clicks) that arrived before their email was stored, by outcome: held, released (accepted once the email was stored), expired (the email was not stored within the hold: dropped), hold_full (the email held the most it may: dropped).");
    }

    public const string CampaignEmailsName = "tailor.ingestion.campaign.emails";

    public const string EngagementsName = "tailor.ingestion.engagements";

    public const string EarlyEngagementsName = "tailor.ingestion.early_engagements";

    public const string RejectedName = "tailor.ingestion.requests.rejected";

    public void Engaged(Tailor.Contracts.EngagementKind kind, Webhooks.SentEmail email, bool isMachineOpen) =>
        _engagements.Add(
            1,
            new KeyValuePair<string, object?>("tailor.engagement.kind", kind.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>(CampaignTag, email.CampaignId),
            new KeyValuePair<string, object?>(ArmTag, email.CountedArm),
            new KeyValuePair<string, object?>(VariantTag, email.SubjectVariant ?? NoVariant),
            new KeyValuePair<string, object?>("tailor.engagement.machine_open", isMachineOpen));

    /// <summary>One email of a campaign reached <paramref name="outcome"/> for the first time.</summary>
    public void CampaignEmail(string outcome, string campaignId, string arm, string? variant) =>
        _campaignEmails.Add(
            1,
            new KeyValuePair<string, object?>("tailor.campaign.outcome", outcome),
            new KeyValuePair<string, object?>(CampaignTag, campaignId),
            new KeyValuePair<string, object?>(ArmTag, arm),
            new KeyValuePair<string, object?>(VariantTag, variant ?? NoVariant));

    private const string CampaignTag = "tailor.campaign.id";
    private const string ArmTag = "tailor.campaign.arm";
    private const string VariantTag = "tailor.subject.variant";
    private const string NoVariant = "none";

    public void Published(int count) => _published.Add(count);

    public void Duplicate() => _duplicates.Add(1);

    public void Rejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void EarlyEngagements(string outcome, int count)
    {
        if (count > 0)
        {
            _earlyEngagements.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public void WebhookEvents(string provider, string outcome, int count)
    {
        if (count > 0)
        {
            _webhookEvents.Add(count, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
