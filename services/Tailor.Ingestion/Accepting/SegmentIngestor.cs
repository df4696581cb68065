using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Ingestion.Contacts;
using Tailor.Ingestion.Identities;
using Tailor.Ingestion.Mapping;
using Tailor.Ingestion.Requests;

namespace Tailor.Ingestion.Accepting;

/// <summary>
/// Validated Segment calls in, in call order: activity stored and published as its user's (or held for an anonymous id),
/// identities linked, then contact details, consent and group memberships updated.
/// </summary>
internal sealed class SegmentIngestor(
    AcceptedMessageLog log, AnonymousIdentities identities, ContactBook contacts, TimeProvider time, ILogger<SegmentIngestor> logger)
{
    public async Task IngestAsync(IReadOnlyList<SegmentCall> calls, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();

        // Known users' activity is gathered and accepted together (one round of broker confirms); anything that links
        // identities first accepts what came before it, so the calls still take effect in the order they were sent.
        var known = new List<PendingMessage>();
        foreach (var call in calls)
        {
            var activity = call switch
            {
                TrackCall track => (Func<string, IReadOnlyList<UserActivityTracked>>)(userId => TrackMapper.Map(track, userId, receivedAt)),
                PageCall page => userId => [PageMapper.Map(page, userId, receivedAt)],
                _ => null,
            };
            if (activity is not null && call.Identity.UserId is { } userId)
            {
                known.AddRange(activity(userId).Select(PendingMessage.Of));
                continue;
            }

            await log.AcceptAsync(known, cancellationToken);
            known.Clear();
            switch (call)
            {
                case TrackCall or PageCall:
                    var anonymousId = call.Identity.AnonymousId!;
                    await identities.AcceptAsync(anonymousId, activity!(anonymousId), cancellationToken);
                    break;
                case IdentifyCall identify:
                    if (identify.DetailsLeftOut.Count > 0)
                    {
                        Log.WithdrawalDetailsLeftOut(logger, identify.Identity.UserId!, string.Join(" ", identify.DetailsLeftOut));
                    }

                    await IdentifyAsync(IdentifyMapper.Map(identify, receivedAt), identify.Identity.AnonymousId, cancellationToken);
                    break;
                case GroupCall group:
                    await GroupAsync(GroupMapper.Map(group, receivedAt), cancellationToken);
                    break;
                case AliasCall alias:
                    await identities.LinkAsync(alias.PreviousId, alias.Identity.UserId!, cancellationToken);
                    break;
                default:
                    throw new ArgumentException($"Unknown Segment call {call.GetType().Name}.", nameof(calls));
            }
        }

        await log.AcceptAsync(known, cancellationToken);
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

    private async Task GroupAsync(UserGrouped grouped, CancellationToken cancellationToken)
    {
        await log.AcceptAsync([PendingMessage.Of(grouped)], cancellationToken);

        // Applied for duplicates too, for the same reason as an identify's.
        await contacts.ApplyAsync(grouped, cancellationToken);
    }
}
