namespace Tailor.Embedding.Consumers;

/// <summary>A message this service cannot use however often it is retried; it ends in the <c>_error</c> queue.</summary>
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
