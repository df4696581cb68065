using MassTransit;

namespace Tailor.ContentGeneration.Consumers;

/// <summary>What every consumer definition of this service applies.</summary>
internal static class ConsumerRules
{
    /// <summary>Transient failures (store, cache, broker) are retried; bad input is not, since it fails the same way every time.</summary>
    public static void Retry(IRetryConfigurator retry)
    {
        retry.Ignore<InvalidMessageException>();
        retry.Intervals(100, 1_000, 5_000);
    }

    public static void RequireUserId(string? userId, string messageType, Guid eventId)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw new InvalidMessageException($"{messageType} {eventId} has no UserId.");
        }
    }

    public static void RequireWindow(DateTimeOffset start, DateTimeOffset end, string messageType, Guid eventId)
    {
        if (end <= start)
        {
            throw new InvalidMessageException($"{messageType} {eventId} has a send window that ends before it starts.");
        }
    }
}
