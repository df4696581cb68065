namespace Tailor.SampleSender.Delivery;

/// <summary>
/// The SMTP server could not take the email now (refused or dropped connection, timeout, a 4xx reply, failed AUTH).
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

    public SmtpUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
