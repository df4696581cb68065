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

    /// <summary>
    /// Throws when a required text field of a message (its <c>UserId</c>, say) is missing or blank: the one check for
    /// such fields, so every service refuses a message without a user alike.
    /// </summary>
    public static void ThrowIfBlank(string? value, Guid eventId, [CallerArgumentExpression(nameof(value))] string field = "")
    {
        if (BlankProblem(value, field) is { } problem)
        {
            throw new InvalidMessageException($"Message {eventId}: {problem}.");
        }
    }

    /// <summary>
    /// For a batch, where a bad message is set aside (<see cref="ThrowIfAny"/>) instead of thrown at once: what is wrong
    /// with a required text field, or null when it is there.
    /// </summary>
    public static string? BlankProblem(string? value, [CallerArgumentExpression(nameof(value))] string field = "") =>
        string.IsNullOrWhiteSpace(value) ? $"it has no {FieldName(field)}" : null;

    // "activity.UserId" (what the caller wrote) becomes "UserId".
    private static string FieldName(string expression) =>
        expression[(expression.LastIndexOf('.') + 1)..].TrimEnd('!', '?');

    /// <summary>
    /// Throws for the messages of a batch that are bad input, once the rest of the batch has taken effect. A batch
    /// faults as a whole, so its good messages land in <c>_error</c> beside the bad ones; they were recorded as handled,
    /// so replaying them from there has no second effect.
    /// </summary>
    public static void ThrowIfAny(string messageType, IReadOnlyCollection<(Guid EventId, string Problem)> rejected)
    {
        if (Of(messageType, rejected) is { } exception)
        {
            throw exception;
        }
    }

    /// <summary>The exception <see cref="ThrowIfAny"/> throws, naming each message and its problem; null when none was rejected.</summary>
    public static InvalidMessageException? Of(string messageType, IReadOnlyCollection<(Guid EventId, string Problem)> rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        if (rejected.Count == 0)
        {
            return null;
        }

        var reasons = string.Join("; ", rejected.Select(entry => $"{entry.EventId}: {entry.Problem}"));
        return new InvalidMessageException($"{rejected.Count} {messageType} message(s) cannot be used: {reasons}");
    }
}
