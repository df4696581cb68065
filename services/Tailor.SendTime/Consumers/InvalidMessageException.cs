namespace Tailor.SendTime.Consumers;

/// <summary>A message SendTime cannot use however often it is retried; it goes to the <c>_error</c> queue.</summary>
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
