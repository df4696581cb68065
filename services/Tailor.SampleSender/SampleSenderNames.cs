namespace Tailor.SampleSender;

/// <summary>Where the sample sender keeps what it owns, and the queue it reads.</summary>
public static class SampleSenderNames
{
    /// <summary>
    /// The queue the sender consumes, bound to the <c>Tailor.Contracts:EmailReady</c> exchange; also where parked emails
    /// are sent back to when they come due.
    /// </summary>
    public const string Queue = "tailor-sample-sender-email-ready";

    /// <summary>The sender's own event stream: one <c>EmailSent</c> per email id delivered (idempotency).</summary>
    public const string Stream = "samplesender";

    /// <summary>Emails waiting for their send time or for the SMTP server to come back, keyed by email id.</summary>
    public const string ScheduledCollection = "samplesender.scheduled";

    /// <summary>
    /// Claims on emails being sent right now, keyed by email id (<see cref="Delivery.DeliveryClaim"/>): what keeps two
    /// replicas from sending one email; removed once the email is recorded as sent.
    /// </summary>
    public const string DeliveriesCollection = "samplesender.deliveries";

    /// <summary>The transport header that counts how many SMTP outages an email has already been parked through.</summary>
    public const string OutageAttemptsHeader = "Tailor-Sender-Outage-Attempts";

    /// <summary>The MIME header that carries <c>EmailReady.CustomArgs</c> as a JSON object.</summary>
    public const string ArgsHeader = "X-Tailor-Args";
}
