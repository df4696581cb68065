using Tailor.Contracts;
using Tailor.Ingestion.Contacts;
using Tailor.Ingestion.Identities;
using Tailor.Ingestion.Mapping;
using Tailor.Ingestion.Requests;

namespace Tailor.Ingestion.Accepting;

/// <summary>
/// Validated Segment calls in, in call order: activity stored and published as its user's (or held for an anonymous id),
/// identities linked, then contact details and consent updated.
/// </summary>
internal sealed class SegmentIngestor(AcceptedMessageLog log, AnonymousIdentities identities, ContactBook contacts, TimeProvider time)
{
    public async Task IngestAsync(IReadOnlyList<SegmentCall> calls, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        foreach (var call in calls)
        {
            switch (call)
            {
                case TrackCall track:
                    await AcceptActivityAsync(call.Identity, userId => TrackMapper.Map(track, userId, receivedAt), cancellationToken);
                    break;
                case PageCall page:
                    await AcceptActivityAsync(call.Identity, userId => [PageMapper.Map(page, userId, receivedAt)], cancellationToken);
                    break;
                case IdentifyCall identify:
                    await IdentifyAsync(IdentifyMapper.Map(identify, receivedAt), identify.Identity.AnonymousId, cancellationToken);
                    break;
                case AliasCall alias:
                    await identities.LinkAsync(alias.PreviousId, alias.Identity.UserId!, cancellationToken);
                    break;
                default:
                    throw new ArgumentException($"Unknown Segment call {call.GetType().Name}.", nameof(calls));
            }
        }
    }

    private async Task AcceptActivityAsync(
        CallIdentity identity, Func<string, IReadOnlyList<UserActivityTracked>> map, CancellationToken cancellationToken)
    {
        if (identity.UserId is { } userId)
        {
            await log.AcceptAsync([.. map(userId).Select(PendingMessage.Of)], cancellationToken);
            return;
        }

        var anonymousId = identity.AnonymousId!;
        await identities.AcceptAsync(anonymousId, map(anonymousId), cancellationToken);
    }

    private async Task IdentifyAsync(UserIdentified user, string? anonymousId, CancellationToken cancellationToken)
    {
        await log.AcceptAsync([PendingMessage.Of(user)], cancellationToken);
        if (anonymousId is not null && anonymousId != user.UserId)
        {
            await identities.LinkAsync(anonymousId, user.UserId, cancellationToken);
        }

        // Applied for duplicates too: a retry must repair contact state whose first write failed (the merge is idempotent).
        await contacts.ApplyAsync(user, cancellationToken);
    }
}
