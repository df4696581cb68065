using System.Runtime.CompilerServices;

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

    /// <summary>Throws when a required text field of a message is missing or blank.</summary>
    public static void ThrowIfBlank(string? value, Guid eventId, [CallerArgumentExpression(nameof(value))] string field = "")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidMessageException($"Message {eventId} has no {field}.");
        }
    }

    /// <summary>
    /// Throws for the messages of a batch that are bad input, once the rest of the batch has taken effect. A batch
    /// faults as a whole, so its good messages land in <c>_error</c> beside the bad ones; they were recorded as handled,
    /// so replaying them from there has no second effect.
    /// </summary>
    public static void ThrowIfAny(string messageType, IReadOnlyCollection<(Guid EventId, string Problem)> rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        if (rejected.Count > 0)
        {
            var reasons = string.Join("; ", rejected.Select(entry => $"{entry.EventId}: {entry.Problem}"));
            throw new InvalidMessageException($"{rejected.Count} {messageType} message(s) cannot be used: {reasons}");
        }
    }
}
