using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.SendTime.Learning;
using Tailor.Storage;

namespace Tailor.SendTime.Consumers;

/// <summary>Every tracked activity says when its user is around: learned a batch at a time.</summary>
public sealed class UserActivityTrackedConsumer(
    IEventStore events,
    EvidenceWeights weights,
    SendTimeLearner learner,
    ILogger<UserActivityTrackedConsumer> logger) : IConsumer<Batch<UserActivityTracked>>
{
    public async Task Consume(ConsumeContext<Batch<UserActivityTracked>> context)
    {
        var cancellationToken = context.CancellationToken;
        var rejected = new List<Guid>();
        var evidence = new List<SendTimeEvidence>(context.Message.Length);
        foreach (var activity in context.Message.Select(entry => entry.Message))
        {
            if (string.IsNullOrWhiteSpace(activity.UserId))
            {
                rejected.Add(activity.EventId);
                continue;
            }

            if (!await events.RecordAsync(SendTimeNames.Stream, activity.EventId, activity.UserId, activity.OccurredAt, activity, cancellationToken))
            {
                Log.Duplicate(logger, nameof(UserActivityTracked), activity.EventId);
                continue;
            }

            if (weights.Of(activity) is { } item)
            {
                evidence.Add(item);
            }
        }

        var updates = await learner.LearnAsync(evidence, cancellationToken);
        if (updates.Count > 0)
        {
            await context.PublishBatch(updates, cancellationToken);
        }

        Log.Learned(logger, evidence.Count, context.Message.Length, nameof(UserActivityTracked), updates.Count);
        ConsumerRules.ThrowIfRejected(nameof(UserActivityTracked), rejected);
    }
}
