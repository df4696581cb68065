using Tailor.Contracts;
using Tailor.Ingestion.Requests;

namespace Tailor.Ingestion.Mapping;

/// <summary>A <c>group</c> call as <see cref="UserGrouped"/> (the parser guarantees its user id).</summary>
internal static class GroupMapper
{
    public static UserGrouped Map(GroupCall call, DateTimeOffset receivedAt) =>
        new(
            EventIds.From(call.Identity.IdempotencyKey, 0),
            call.Identity.UserId!,
            call.Identity.Timestamp ?? receivedAt,
            call.GroupId,
            call.Traits);
}
