namespace Tailor.Contracts;

/// <summary>
/// A user's device reported the time zone it runs in (an app session, a browser's <c>Intl</c> zone), without a full
/// identify call: from now on the user's hours are counted on that clock.
/// </summary>
/// <param name="TimeZone">An IANA zone id, such as <c>Europe/Berlin</c>.</param>
public record DeviceTimeZoneObserved(Guid EventId, string UserId, DateTimeOffset OccurredAt, string TimeZone) : IUserEvent;
