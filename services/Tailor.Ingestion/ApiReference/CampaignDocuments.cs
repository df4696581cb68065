using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Tailor.Ingestion.ApiReference;

/// <summary>Body of <c>POST /v1/campaigns</c> (read by hand; this record only describes it in the OpenAPI document).</summary>
internal sealed record CampaignDocument(
    [property: Required] string Name,
    [property: Required, Description("What the campaign's emails should achieve, in words.")] string Goal,
    [property: Required, Description("\"all\", or an object with any of {\"userIds\": [...]}, {\"dominantTopic\": \"<topic label>\"} and {\"groupIds\": [...]} (members of any of these groups, from Segment group calls); each filter given must hold.")] JsonElement Audience,
    [property: Required] SendWindowDocument SendWindow,
    [property: Description("The campaign type, whose frequency cap its emails count against: \"promotional\" (the default), \"newsletter\", \"transactional\" (never capped) or another configured type; lowercase letters, digits and '-', at most 40 characters.")]
    string? Type = null,
    [property: Range(0, 0.5), Description("The share of the audience held out at random as the control group, which gets the non-personalised email (the bestsellers, at the start of the send window, under a fixed subject) so GET /v1/campaigns/{id}/report can measure the lift; 0 for none. Default 0.05.")]
    double? ControlShare = null);

internal sealed record SendWindowDocument(
    [property: Required, Description("No earlier than Tailor:Ingestion:EarliestTimestamp (2000-01-01).")] DateTimeOffset Start,
    [property: Required, Description("After start, and at most Tailor:Ingestion:MaxSendWindowAhead (365 days) past the server's clock: the emails are written when the campaign is asked for.")] DateTimeOffset End);
