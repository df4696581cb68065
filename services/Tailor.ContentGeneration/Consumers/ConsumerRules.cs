using MassTransit;
using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

/// <summary>What every consumer definition of this service applies.</summary>
internal static class ConsumerRules
{
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
