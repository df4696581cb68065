using Tailor.Contracts;

namespace Tailor.Ingestion.Webhooks.Postmark;

/// <summary>
/// Postmark's bounce types (the <c>Type</c> and <c>TypeCode</c> of a Bounce record, as listed in its Bounce API) mapped
/// to Tailor's kinds. The types that mean "do not send to this address" suppress it; the rest are soft bounces, which
/// change nothing:
/// <list type="table">
/// <item><term>HardBounce (1), BadEmailAddress (100000)</term><description>hard bounce: the address does not take mail.</description></item>
/// <item><term>Unsubscribe (16)</term><description>unsubscribe: the reader replied asking to be removed.</description></item>
/// <item><term>ManuallyDeactivated (100002)</term><description>unsubscribe: the sender turned the address off in Postmark.</description></item>
/// <item><term>Unconfirmed (100003)</term><description>unsubscribe: the reader never confirmed the registration.</description></item>
/// <item><term>SpamComplaint (100001), SpamNotification (512)</term><description>complaint: the reader or their mailbox filed it as spam or blocked it.</description></item>
/// <item><term>every other type</term><description>soft bounce (delays, auto-replies, DNS, virus and challenge notices, ISP or DMARC blocks of the sender, unknown).</description></item>
/// </list>
/// A bounce that left the address <c>Inactive</c> (Postmark deactivated it and will not send to it) suppresses even when
/// its type alone would not, as a hard bounce.
/// </summary>
internal static class PostmarkBounceKinds
{
    private static readonly Dictionary<int, string> TypesByCode = new()
    {
        [1] = "HardBounce", [2] = "Transient", [16] = "Unsubscribe", [32] = "Subscribe", [64] = "AutoResponder",
        [128] = "AddressChange", [256] = "DnsError", [512] = "SpamNotification", [1024] = "OpenRelayTest", [2048] = "Unknown",
        [4096] = "SoftBounce", [8192] = "VirusNotification", [16384] = "ChallengeVerification", [100000] = "BadEmailAddress",
        [100001] = "SpamComplaint", [100002] = "ManuallyDeactivated", [100003] = "Unconfirmed", [100006] = "Blocked",
        [100007] = "SMTPApiError", [100008] = "InboundError", [100009] = "DMARCPolicy", [100010] = "TemplateRenderingFailed",
    };

    /// <summary>The bounce type's name: <paramref name="type"/> when sent, else the name of <paramref name="typeCode"/>.</summary>
    public static string? TypeName(string? type, int? typeCode) =>
        !string.IsNullOrWhiteSpace(type) ? type : typeCode is { } code ? TypesByCode.GetValueOrDefault(code) : null;

    public static EngagementKind Of(string? type, bool inactive)
    {
        var kind = type switch
        {
            "HardBounce" or "BadEmailAddress" => EngagementKind.HardBounce,
            "Unsubscribe" or "ManuallyDeactivated" or "Unconfirmed" => EngagementKind.Unsubscribe,
            "SpamComplaint" or "SpamNotification" => EngagementKind.Complaint,
            _ => EngagementKind.SoftBounce,
        };
        return kind == EngagementKind.SoftBounce && inactive ? EngagementKind.HardBounce : kind;
    }
}
