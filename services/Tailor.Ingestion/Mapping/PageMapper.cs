using Tailor.Contracts;
using Tailor.Ingestion.Requests;

namespace Tailor.Ingestion.Mapping;

/// <summary>A <c>page</c> or <c>screen</c> call as an activity named <c>page</c>, its properties (url, title, name ...) kept.</summary>
internal static class PageMapper
{
    public const string Activity = "page";

    public static UserActivityTracked Map(PageCall call, string userId, DateTimeOffset receivedAt) =>
        new(
            EventIds.From(call.Identity.IdempotencyKey, 0),
            userId,
            call.Identity.Timestamp ?? receivedAt,
            Activity,
            ItemId: null,
            ItemName: null,
            Quantity: 1,
            Price: null,
            Text: null,
            call.Properties);
}
