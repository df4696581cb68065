namespace Tailor.SampleSender.Delivery;

/// <summary>
/// The SMTP server could not take the email now (refused or dropped connection, timeout, a 4xx reply, failed AUTH, a
/// failed TLS handshake such as an expired or mismatched certificate).
/// Retried: first by the consumer's retry, then, if the outage lasts, by parking the email for a later attempt.
/// </summary>
public sealed class SmtpUnavailableException : Exception
{
    public SmtpUnavailableException()
    {
    }

    public SmtpUnavailableException(string message)
        : base(message)
    {
    }

    public SmtpUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The server as configured, <c>host:port</c>.</summary>
    public string Server { get; init; } = string.Empty;

    /// <summary>
    /// What went wrong, in the server's or the network's words: "Connection refused", "421 4.3.2 Shutting down"; any
    /// email address in them is left out (<see cref="SmtpReplyText"/>).
    /// </summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The type and message only, without the stack traces of this exception and the one inside it.</summary>
    /// <remarks>
    /// MassTransit logs a message's first retry (<c>R-RETRY</c>) and its fault (<c>R-FAULT</c>) with the exception, under
    /// the category <c>MassTransit.ReceiveTransport</c>, which every receive endpoint of the process shares (Tailor's
    /// services and this sender may run in one process), and log providers print the exception with
    /// <see cref="ToString"/>. A down SMTP server is an expected condition whose stack says nothing an operator can act
    /// on, so those entries read as one line; silencing the category would hide the retries of real faults elsewhere, and
    /// MassTransit has no setting for one endpoint. Any other failure of the mailer keeps its own type and stack. Nothing
    /// is lost for diagnosis: the <c>Fault</c> and the headers a message carries to the <c>_error</c> queue are built
    /// from <see cref="Exception.StackTrace"/> and <see cref="Exception.InnerException"/> (the socket's or TLS's own
    /// exception, with its stack; none for a reply of the server, whose words <see cref="Reason"/> holds without their
    /// addresses), not from this.
    /// </remarks>
    public override string ToString() => $"{GetType().FullName}: {Message}";
}
