namespace Tailor.Messaging;

/// <summary>
/// A message that can never be handled as it is (a missing id, an impossible value). Retrying cannot help, so
/// <see cref="ConsumerRetry"/> sends it straight to the <c>_error</c> queue with its <c>Fault</c>.
/// </summary>
public sealed class InvalidMessageException : Exception
{
    public InvalidMessageException()
    {
    }

    public InvalidMessageException(string message)
        : base(message)
    {
    }

    public InvalidMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
