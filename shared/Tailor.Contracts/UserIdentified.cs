namespace Tailor.Contracts;

/// <summary>A user's traits were set or changed (Segment <c>identify</c>).</summary>
/// <param name="EmailConsent">True or false when the platform said so; null when it did not (treated as no consent).</param>
public record UserIdentified(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    string? Email,
    string? FirstName,
    string? Country,
    string? TimeZone,
    bool? EmailConsent,
    IReadOnlyDictionary<string, string> Traits) : IUserEvent;
