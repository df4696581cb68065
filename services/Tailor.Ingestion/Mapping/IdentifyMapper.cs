using Tailor.Contracts;
using Tailor.Ingestion.Requests;

namespace Tailor.Ingestion.Mapping;

/// <summary>An <c>identify</c> call as <see cref="UserIdentified"/> (the parser guarantees its user id).</summary>
internal static class IdentifyMapper
{
    public static UserIdentified Map(IdentifyCall call, DateTimeOffset receivedAt) =>
        new(
            EventIds.From(call.Identity.IdempotencyKey, 0),
            call.Identity.UserId!,
            call.Identity.Timestamp ?? receivedAt,
            call.Email,
            call.FirstName,
            call.Country,
            call.TimeZone,
            EmailConsent(call),
            call.Traits);

    // An explicit unsubscribe outweighs any consent flag sent alongside it; silence on both stays null (unknown).
    private static bool? EmailConsent(IdentifyCall call) => call.Unsubscribed == true ? false : call.EmailConsent;
}
