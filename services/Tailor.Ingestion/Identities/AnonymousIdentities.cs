using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Mapping;
using Tailor.Messaging.Rules;
using Tailor.Storage;

namespace Tailor.Ingestion.Identities;

/// <summary>
/// Anonymous activity waits, durably, in Ingestion's own stream until an identify or alias says whose it is; then it is
/// published as that user's, under ids derived from the original event and the user, so a retried link publishes
/// nothing twice and a link interrupted half way is finished by the next one. Later anonymous calls with a linked id go
/// straight to the user.
/// </summary>
/// <remarks>
/// Holding a call and linking its id may run at once, on one replica or two, with no lock between them. Each writes
/// its own document first and reads the other's after: a call holds its activity, then looks for a link; a link is
/// written, then the held activity is read (again). Whichever of the two comes second sees the other's write, so no
/// held activity waits for a link that already happened.
/// </remarks>
internal sealed class AnonymousIdentities(
    IEventStore events,
    IDocumentStore documents,
    AcceptedMessageLog log,
    IOptions<PropertyCountOptions> propertyCounts,
    ILogger<AnonymousIdentities> logger,
    TimeProvider time)
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
        if (await UserOfAsync(anonymousId, cancellationToken) is { } userId)
        {
            await log.AcceptAsync([.. activities.Select(activity => AsUsers(activity, userId))], cancellationToken);
            return;
        }

        foreach (var activity in activities)
        {
            await events.RecordAsync(HeldStream, activity.EventId, anonymousId, activity.OccurredAt, activity, cancellationToken);
        }

        // A link written since the read above may have read the held activity before this was in it: publish it here.
        if (await UserOfAsync(anonymousId, cancellationToken) is { } linkedMeanwhile)
        {
            await log.AcceptAsync([.. activities.Select(activity => AsUsers(activity, linkedMeanwhile))], cancellationToken);
        }
    }

    /// <summary>Links the ids and publishes everything the anonymous id did as the user's, oldest first.</summary>
    public async Task LinkAsync(string anonymousId, string userId, CancellationToken cancellationToken)
    {
        var published = await PublishHeldAsync(anonymousId, userId, alreadyPublished: [], cancellationToken);

        // Written after the held activity is published: until it is, a retried identify or alias finishes the merge.
        var linkedAt = time.GetUtcNow();
        await documents.UpdateAsync<IdentityLink>(
            LinksCollection, anonymousId, link => link?.UserId == userId ? link : new IdentityLink(userId, linkedAt), cancellationToken);

        // Activity held between the first read and the link (by any replica) did not see the link: publish it now.
        await PublishHeldAsync(anonymousId, userId, published, cancellationToken);
    }

    /// <returns>The ids of the held events, published now or before.</returns>
    private async Task<HashSet<Guid>> PublishHeldAsync(string anonymousId, string userId, HashSet<Guid> alreadyPublished, CancellationToken cancellationToken)
    {
        var waiting = await events.ReadMessagesAsync<UserActivityTracked>(new EventQuery(HeldStream) { UserId = anonymousId }, cancellationToken)
            .ToListAsync(cancellationToken);
        await log.AcceptAsync(
            [.. waiting.Where(activity => !alreadyPublished.Contains(activity.EventId)).Select(activity => AsUsers(WithinPropertyLimit(activity, anonymousId), userId))],
            cancellationToken);
        return [.. waiting.Select(activity => activity.EventId)];
    }

    /// <summary>
    /// Held activity as the bus takes it today. Before the rules counted an order's fields and each product's
    /// together, a purchase could be held with more properties than a consumer now accepts, and published as it was it
    /// would end in every consumer's <c>_error</c> queue: the properties past the limit are left out instead (the
    /// first ones as stored kept, so a retried link publishes the same message), with a warning.
    /// </summary>
    private UserActivityTracked WithinPropertyLimit(UserActivityTracked activity, string anonymousId)
    {
        var most = propertyCounts.Value.MaxActivityProperties;
        if (activity.Properties is not { } properties || properties.Count <= most)
        {
            return activity;
        }

        Log.HeldPropertiesLeftOut(logger, activity.EventId, anonymousId, properties.Count - most, most);
        return activity with { Properties = properties.Take(most).ToDictionary() };
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
