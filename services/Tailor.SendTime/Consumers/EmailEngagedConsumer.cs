using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.SendTime.Learning;
using Tailor.Storage;

namespace Tailor.SendTime.Consumers;

/// <summary>
/// Records all email feedback; opens and clicks by a person are the best evidence of when the user reads email.
/// Batched like activity, so a burst of webhooks costs one update per user.
/// </summary>
public sealed class EmailEngagedConsumer(
    IEventStore events,
    EvidenceWeights weights,
    SendTimeLearner learner,
    ILogger<EmailEngagedConsumer> logger) : IConsumer<Batch<EmailEngaged>>
{
    public async Task Consume(ConsumeContext<Batch<EmailEngaged>> context)
    {
        var cancellationToken = context.CancellationToken;
        var rejected = new List<Guid>();
        var evidence = new List<SendTimeEvidence>(context.Message.Length);
        foreach (var engagement in context.Message.Select(entry => entry.Message))
        {
            if (string.IsNullOrWhiteSpace(engagement.UserId))
            {
                rejected.Add(engagement.EventId);
                continue;
            }

            if (!await events.RecordAsync(SendTimeNames.Stream, engagement.EventId, engagement.UserId, engagement.OccurredAt, engagement, cancellationToken))
            {
                Log.Duplicate(logger, nameof(EmailEngaged), engagement.EventId);
                continue;
            }

            if (weights.Of(engagement) is { } item)
            {
                evidence.Add(item);
            }
        }

        var updates = await learner.LearnAsync(evidence, cancellationToken);
        if (updates.Count > 0)
        {
            await context.PublishBatch(updates, cancellationToken);
        }

        Log.Learned(logger, evidence.Count, context.Message.Length, nameof(EmailEngaged), updates.Count);
        ConsumerRules.ThrowIfRejected(nameof(EmailEngaged), rejected);
    }
}
