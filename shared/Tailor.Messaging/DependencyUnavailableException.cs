namespace Tailor.Messaging;

/// <summary>
/// A dependency the consumer cannot work without (the profile cache, say) is down. Not the message's fault: the
/// consumer's retry waits minutes for it (<see cref="ConsumerRetry.Outage"/>) instead of faulting the message.
/// </summary>
public sealed class DependencyUnavailableException : Exception
{
    public DependencyUnavailableException()
    {
    }

    public DependencyUnavailableException(string message)
        : base(message)
    {
    }

    public DependencyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
