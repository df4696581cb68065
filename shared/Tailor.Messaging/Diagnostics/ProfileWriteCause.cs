namespace Tailor.Messaging.Diagnostics;

/// <summary>
/// When the message being handled on this flow was sent: the bus's consume filter sets it, and the profile cache reads it
/// to measure event-to-profile latency without every consumer passing the time down to its slice writer.
/// </summary>
public static class ProfileWriteCause
{
    private static readonly AsyncLocal<DateTimeOffset?> Current = new();

    public static DateTimeOffset? SentAt => Current.Value;

    /// <summary>Sets the cause for the rest of this async flow; the caller's flow is untouched once it returns.</summary>
    public static void Set(DateTimeOffset? sentAt) => Current.Value = sentAt;
}
