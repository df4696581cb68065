using System.ComponentModel.DataAnnotations;
using MimeKit;
using Tailor.OptionsValidation;

namespace Tailor.SampleSender;

/// <summary>How the SMTP connection is secured; the names of MailKit's <c>SecureSocketOptions</c>.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,

    /// <summary>Plain text: only for a relay on the same host or a test server.</summary>
    None,

    /// <summary>TLS on connect (SMTPS, usually port 465).</summary>
    SslOnConnect,

    /// <summary>STARTTLS, required: the connection fails if the server does not offer it (usually port 587).</summary>
    StartTls,

    /// <summary>STARTTLS when the server offers it, plain text otherwise (open to downgrade; prefer <see cref="StartTls"/>).</summary>
    StartTlsWhenAvailable,
}

/// <summary>Which provider's SMTP header, besides <c>X-Tailor-Args</c>, carries the custom arguments.</summary>
public enum ProviderArgsHeader
{
    /// <summary>Only <c>X-Tailor-Args</c>.</summary>
    None,

    /// <summary><c>X-SMTPAPI: {"unique_args": {...}}</c> (SendGrid SMTP relay).</summary>
    SendGrid,

    /// <summary><c>X-Mailgun-Variables: {...}</c> (Mailgun SMTP).</summary>
    Mailgun,

    /// <summary><c>X-SES-MESSAGE-TAGS: name=value, ...</c> (Amazon SES SMTP interface).</summary>
    Ses,

    /// <summary>One <c>X-PM-Metadata-{name}: value</c> per argument (Postmark SMTP).</summary>
    Postmark,
}

/// <summary>Settings of the sample sender (section <c>Tailor:SampleSender</c>).</summary>
public sealed class SampleSenderOptions : IValidatableObject
{
    public const string Section = "Tailor:SampleSender";

    /// <summary>The SMTP server or relay.</summary>
    [Required]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>SMTP AUTH user name; unset for a relay that needs none. Set with <see cref="Password"/>.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The From of emails whose <c>EmailReady.From</c> is empty (messages from before it existed).</summary>
    public string? DefaultFrom { get; set; }

    /// <summary>How long one SMTP operation (connect, a command, the data) may take.</summary>
    [TimeSpanRange("00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest the consumer waits, with the message unacknowledged, for an email's <c>SendAt</c>. An email due later
    /// is parked in the document store and sent back to the queue when it is this close to its time. Keep it well under
    /// RabbitMQ's <c>consumer_timeout</c> (30 minutes by default).
    /// </summary>
    [TimeSpanRange("00:00:01", "00:15:00")]
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often parked emails are checked for having come due; less than <see cref="MaxHold"/>.</summary>
    [TimeSpanRange("00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times an email whose SMTP delivery still fails after the consumer's immediate retries is parked and
    /// tried again later, before it faults to the <c>_error</c> queue.
    /// </summary>
    [Range(0, 100)]
    public int OutageRetries { get; set; } = 10;

    /// <summary>The wait before the first retry after an outage; it doubles each time, up to <see cref="MaxOutageBackoff"/>.</summary>
    [TimeSpanRange("00:00:00.010", "1.00:00:00")]
    public TimeSpan OutageBackoff { get; set; } = TimeSpan.FromMinutes(1);

    [TimeSpanRange("00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxOutageBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Emails handled at once, including those held for their send time.</summary>
    [Range(1, 1000)]
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>A provider's SMTP header to carry the custom arguments as well, so its webhooks echo them.</summary>
    public ProviderArgsHeader ProviderArgsHeader { get; set; } = ProviderArgsHeader.None;

    /// <summary>The wait before the <paramref name="attempt"/>-th retry after an outage (1-based).</summary>
    public TimeSpan OutageDelay(int attempt)
    {
        var doubled = OutageBackoff.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return TimeSpan.FromMilliseconds(Math.Min(doubled, MaxOutageBackoff.TotalMilliseconds));
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Username) != string.IsNullOrWhiteSpace(Password))
        {
            yield return new ValidationResult(
                $"Set both {nameof(Username)} and {nameof(Password)} for SMTP AUTH, or neither.", [nameof(Username), nameof(Password)]);
        }

        if (!string.IsNullOrWhiteSpace(DefaultFrom) && !MailboxAddress.TryParse(DefaultFrom, out _))
        {
            yield return new ValidationResult(
                $"{nameof(DefaultFrom)} '{DefaultFrom}' is not an address such as 'Shop <shop@example.com>'.", [nameof(DefaultFrom)]);
        }

        if (PollInterval >= MaxHold)
        {
            yield return new ValidationResult(
                $"{nameof(PollInterval)} ({PollInterval}) must be shorter than {nameof(MaxHold)} ({MaxHold}), or parked emails would be sent late.",
                [nameof(PollInterval), nameof(MaxHold)]);
        }

        if (MaxOutageBackoff < OutageBackoff)
        {
            yield return new ValidationResult(
                $"{nameof(MaxOutageBackoff)} must be at least {nameof(OutageBackoff)}.", [nameof(MaxOutageBackoff)]);
        }
    }
}
