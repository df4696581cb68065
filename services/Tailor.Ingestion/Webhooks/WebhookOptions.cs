using Tailor.OptionsValidation;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Provider secrets and webhook behaviour, section <c>Tailor:Ingestion:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Tailor:Ingestion:Webhooks";

    /// <summary>SendGrid's verification key (base64 SubjectPublicKeyInfo, from "Signed Event Webhook"); unsigned events are accepted while unset.</summary>
    public string? SendGridPublicKey { get; set; }

    /// <summary>Mailgun's HTTP webhook signing key; the Mailgun endpoint answers 404 while unset.</summary>
    public string? MailgunSigningKey { get; set; }

    /// <summary>The SNS signing certificate (PEM) that SES notifications are verified against; the SES endpoint answers 404 while unset.</summary>
    public string? SesSigningCertificatePem { get; set; }

    /// <summary>Topics whose messages are accepted; empty accepts any topic signed by the certificate.</summary>
    public List<string> SesTopicArns { get; set; } = [];

    /// <summary>Hosts a <c>SubscribeURL</c> may point at (a leading <c>*.</c> matches any prefix); never arbitrary URLs.</summary>
    public List<string> SesConfirmationHosts { get; set; } = ["sns.*.amazonaws.com"];

    /// <summary>HTTP Basic credentials Postmark sends (set them in the webhook URL); the Postmark endpoint answers 404 while unset.</summary>
    public string? PostmarkUsername { get; set; }

    public string? PostmarkPassword { get; set; }

    /// <summary>How old a signed timestamp may be: older deliveries are refused as replays.</summary>
    [TimeSpanRange("00:00:10", "1.00:00:00")]
    public TimeSpan MaxSignatureAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// User agents of opens made by machines rather than people, matched exactly: Apple Mail Privacy Protection's proxy
    /// fetches every image on delivery with a Safari agent cut short (a real Safari adds "Version/… Safari/…").
    /// </summary>
    public List<string> MachineOpenUserAgents { get; set; } =
    [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
        "Mozilla/5.0",
    ];

    /// <summary>
    /// Fragments of machine user agents, matched anywhere: mailbox image proxies and corporate link scanners open
    /// everything they receive; learning from them would teach the models the proxy's habits, not the reader's.
    /// </summary>
    public List<string> MachineOpenUserAgentFragments { get; set; } =
    [
        "GoogleImageProxy",
        "YahooMailProxy",
        "Barracuda",
        "Mimecast",
        "Proofpoint",
        "bot",
    ];
}
