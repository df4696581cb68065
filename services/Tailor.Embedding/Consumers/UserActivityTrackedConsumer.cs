using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Embedding.Interests;
using Tailor.Storage;

namespace Tailor.Embedding.Consumers;

/// <summary>
/// Folds what users bought, viewed and wrote into their interest vectors, a batch at a time: one model run for the
/// batch's new texts, one state update and one <see cref="UserInterestsUpdated"/> per user of the batch.
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

        // Vectors first: resolving has no side effects, so a failure here leaves nothing recorded and the retry redoes it all.
        var resolved = await resolver.ResolveAsync(context.Message.Select(entry => entry.Message).ToArray(), cancellationToken);

        var rejected = new List<(Guid EventId, string Problem)>();
        var evidenceByUser = new Dictionary<string, List<InterestEvidence>>(StringComparer.Ordinal);
        foreach (var (activity, evidence, problem) in resolved)
        {
            if (problem is not null)
            {
                rejected.Add((activity.EventId, problem));
                continue;
            }

            if (!await events.RecordAsync(EmbeddingNames.Stream, activity.EventId, activity.UserId, activity.OccurredAt, activity, cancellationToken))
            {
                Log.Duplicate(logger, nameof(UserActivityTracked), activity.EventId);
                continue;
            }

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

        var updates = new List<UserInterestsUpdated>(evidenceByUser.Count);
        foreach (var (userId, userEvidence) in evidenceByUser)
        {
            updates.Add(await interests.AddAsync(userId, userEvidence, cancellationToken));
        }

        if (updates.Count > 0)
        {
            await context.PublishBatch(updates, cancellationToken);
        }

        Log.InterestsUpdated(logger, updates.Count, context.Message.Length);
        ConsumerRules.ThrowIfRejected(nameof(UserActivityTracked), rejected);
    }
}
