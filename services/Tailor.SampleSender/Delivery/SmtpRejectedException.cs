namespace Tailor.SampleSender.Delivery;

/// <summary>
/// The SMTP server refused the email for good (a 5xx reply: no such mailbox, policy, content). Retrying would get the
/// same answer, so the consumer's retry ignores it and the message faults to the <c>_error</c> queue at once.
/// </summary>
public sealed class SmtpRejectedException : Exception
{
    public SmtpRejectedException()
    {
    }

    public SmtpRejectedException(string message)
        : base(message)
    {
    }

    public SmtpRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The SMTP reply code, such as 550.</summary>
    public int StatusCode { get; init; }
}
