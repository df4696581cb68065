using System.Text.Json.Serialization;
using Tailor.Contracts;

namespace Tailor.Ingestion.Reports;

/// <summary>What became of one email of a campaign, as its report counts it: each at most once per email.</summary>
/// <remarks>Stored by name, so the stored facts do not depend on the order of this list.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<CampaignOutcome>))]
internal enum CampaignOutcome
{
    Sent,
    Delivered,
    Open,
    MachineOpen,
    Click,
    MachineClick,
    Unsubscribe,
    Complaint,
    Bounce,
}

internal static class CampaignOutcomes
{
    /// <summary>
    /// The outcomes an engagement shows, none for one the report does not count (a resubscribe). A person's click shows an
    /// open too: the email was read, even when its client blocked the tracking pixel or a privacy proxy fetched it first.
    /// </summary>
    public static IReadOnlyList<CampaignOutcome> Of(EngagementKind kind, bool isMachine) => kind switch
    {
        EngagementKind.Delivered => [CampaignOutcome.Delivered],
        EngagementKind.Open => [isMachine ? CampaignOutcome.MachineOpen : CampaignOutcome.Open],
        EngagementKind.Click => isMachine ? [CampaignOutcome.MachineClick] : [CampaignOutcome.Click, CampaignOutcome.Open],
        EngagementKind.SoftBounce or EngagementKind.HardBounce => [CampaignOutcome.Bounce],
        EngagementKind.Complaint => [CampaignOutcome.Complaint],
        EngagementKind.Unsubscribe => [CampaignOutcome.Unsubscribe],
        _ => [],
    };

    /// <summary>The name metrics and document ids use: <c>sent</c>, <c>machine_open</c>, …</summary>
    public static string Name(CampaignOutcome outcome) => outcome switch
    {
        CampaignOutcome.MachineOpen => "machine_open",
        CampaignOutcome.MachineClick => "machine_click",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
