using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Embedding.Interests;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.Embedding.Consumers;

/// <summary>
/// Folds what users bought, viewed and wrote into their interest vectors, a batch at a time: one query for the batch's
/// duplicates and one for its stored item vectors, one model run for its new texts, one read and one conditional bulk
/// write of its users' states, their slices written concurrently, one <see cref="UserInterestsUpdated"/> per user and
/// one transaction recording the batch's activities. Nothing is paid per message in sequence.
/// </summary>
public sealed class UserActivityTrackedConsumer(
    ActivityEvidenceResolver resolver,
    IEventStore events,
    UserInterests interests,
    ILogger<UserActivityTrackedConsumer> logger) : IConsumer<Batch<UserActivityTracked>>
{
    public async Task Consume(ConsumeContext<Batch<UserActivityTracked>> context)
    {
        var cancellationToken = context.CancellationToken;

        var activities = context.Message.Select(entry => entry.Message).ToArray();
        var unhandled = await events.UnhandledAsync(EmbeddingNames.Stream, activities, activity => activity.EventId, cancellationToken);
        if (unhandled.Count < activities.Length)
        {
            Log.Duplicates(logger, nameof(UserActivityTracked), activities.Length - unhandled.Count);
        }

        // Activities are recorded only after the interest vectors they feed are saved and published, so a failure is
        // retried whole. The retry (or a copy of an activity another replica takes at the same moment) folds nothing in
        // twice: each user's state remembers the events it last folded in (UserInterestState.RecentEventIds).
        var resolved = await resolver.ResolveAsync([.. unhandled], cancellationToken);
        var handled = new List<UserActivityTracked>(resolved.Count);

        var rejected = new List<(Guid EventId, string Problem)>();
        var evidenceByUser = new Dictionary<string, List<InterestEvidence>>(StringComparer.Ordinal);
        foreach (var (activity, evidence, problem) in resolved)
        {
            if (problem is not null)
            {
                rejected.Add((activity.EventId, problem));
                continue;
            }

            handled.Add(activity);
            if (evidence is not null)
            {
                if (!evidenceByUser.TryGetValue(activity.UserId, out var userEvidence))
                {
                    userEvidence = [];
                    evidenceByUser[activity.UserId] = userEvidence;
                }

                userEvidence.Add(evidence);
            }
        }

        var updates = await interests.AddManyAsync(
            [.. evidenceByUser.Select(user => new InterestUpdate(user.Key, UpdateId(user.Key, user.Value.Select(evidence => evidence.EventId)), user.Value))],
            cancellationToken);
        if (updates.Count > 0)
        {
            await context.PublishBatch(updates, cancellationToken);
        }

        await events.RecordManyAsync(EmbeddingNames.Stream, handled, cancellationToken);
        Log.InterestsUpdated(logger, updates.Count, context.Message.Length);
        InvalidMessageException.ThrowIfAny(nameof(UserActivityTracked), rejected);
    }

    /// <summary>
    /// The id of a user's update from the activities it folds in, in a fixed order: a retry of the batch derives the
    /// same id, so its <see cref="UserInterestsUpdated"/> is published under one id.
    /// </summary>
    private static Guid UpdateId(string userId, IEnumerable<Guid> eventIds) =>
        StableIds.From("tailor.embedding.interests", [userId, .. eventIds.Order().Select(eventId => eventId.ToString("D"))]);
}
