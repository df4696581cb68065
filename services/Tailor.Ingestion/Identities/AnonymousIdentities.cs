using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Mapping;
using Tailor.Storage;

namespace Tailor.Ingestion.Identities;

/// <summary>
/// Anonymous activity waits, durably, in Ingestion's own stream until an identify or alias says whose it is; then it is
/// published as that user's, under ids derived from the original event and the user, so a retried link publishes
/// nothing twice and a link interrupted half way is finished by the next one. Later anonymous calls with a linked id go
/// straight to the user.
/// </summary>
internal sealed class AnonymousIdentities(IEventStore events, IDocumentStore documents, AcceptedMessageLog log, IdentityLinkLocks locks, TimeProvider time)
{
    /// <summary>Activity of anonymous ids not yet linked, stored under the anonymous id.</summary>
    public const string HeldStream = "ingestion.anonymous";

    /// <summary>Anonymous id → <see cref="IdentityLink"/>.</summary>
    public const string LinksCollection = "ingestion.identity-links";

    public async Task<string?> UserOfAsync(string anonymousId, CancellationToken cancellationToken) =>
        (await documents.FindAsync<IdentityLink>(LinksCollection, anonymousId, cancellationToken))?.UserId;

    /// <summary>Accepts an anonymous id's activity as its user's when linked, else keeps it until it is.</summary>
    public async Task AcceptAsync(string anonymousId, IReadOnlyList<UserActivityTracked> activities, CancellationToken cancellationToken)
    {
        using var held = await locks.Locks.AcquireAsync(anonymousId, cancellationToken);
        if (await UserOfAsync(anonymousId, cancellationToken) is { } userId)
        {
            await log.AcceptAsync([.. activities.Select(activity => AsUsers(activity, userId))], cancellationToken);
            return;
        }

        foreach (var activity in activities)
        {
            await events.RecordAsync(HeldStream, activity.EventId, anonymousId, activity.OccurredAt, activity, cancellationToken);
        }
    }

    /// <summary>Links the ids and publishes everything the anonymous id did as the user's, oldest first.</summary>
    public async Task LinkAsync(string anonymousId, string userId, CancellationToken cancellationToken)
    {
        using var held = await locks.Locks.AcquireAsync(anonymousId, cancellationToken);
        var waiting = await events.ReadMessagesAsync<UserActivityTracked>(new EventQuery(HeldStream) { UserId = anonymousId }, cancellationToken)
            .ToListAsync(cancellationToken);
        await log.AcceptAsync([.. waiting.Select(activity => AsUsers(activity, userId))], cancellationToken);

        // Written last: until it is, a retried identify or alias finishes the merge.
        if (await UserOfAsync(anonymousId, cancellationToken) != userId)
        {
            await documents.PutAsync(LinksCollection, anonymousId, new IdentityLink(userId, time.GetUtcNow()), cancellationToken);
        }
    }

    // The same id whether the activity was held first or arrived after the link, so a retried call is always a duplicate.
    private static PendingMessage AsUsers(UserActivityTracked activity, string userId) =>
        PendingMessage.Of(activity with { EventId = EventIds.From($"merge:{activity.EventId:N}:{userId}", 0), UserId = userId });

    /// <summary>Erasure: forgets every anonymous id linked to the user and the activity held under it.</summary>
    public async Task ForgetAsync(string userId, CancellationToken cancellationToken)
    {
        var linked = new List<string>();
        await foreach (var (anonymousId, link) in documents.ListAsync<IdentityLink>(LinksCollection, cancellationToken))
        {
            if (link.UserId == userId)
            {
                linked.Add(anonymousId);
            }
        }

        foreach (var anonymousId in linked)
        {
            await events.DeleteUserAsync(anonymousId, cancellationToken);
            await documents.DeleteAsync(LinksCollection, anonymousId, cancellationToken);
        }
    }
}
