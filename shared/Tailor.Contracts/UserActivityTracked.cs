namespace Tailor.Contracts;

/// <summary>Something a user did: one purchased line, one product view, a text they wrote, or another tracked event.</summary>
/// <param name="Activity">One of <see cref="ActivityKinds"/>, or the raw <c>track</c> event name.</param>
/// <param name="ItemName">The product name as the platform sent it, when it did.</param>
public record UserActivityTracked(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    string Activity,
    string? ItemId,
    string? ItemName,
    double Quantity,
    decimal? Price,
    string? Text,
    IReadOnlyDictionary<string, string> Properties) : IUserEvent;
