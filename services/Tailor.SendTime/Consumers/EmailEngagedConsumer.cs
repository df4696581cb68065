using MassTransit;
using Tailor.Contracts;
using Tailor.SendTime.Learning;

namespace Tailor.SendTime.Consumers;

/// <summary>
/// Records all email feedback; opens and clicks by a person are the best evidence of when the user reads email.
/// Batched like activity, so a burst of webhooks costs one update per user.
/// </summary>
public sealed class EmailEngagedConsumer(EvidenceBatch batch, EvidenceWeights weights) : IConsumer<Batch<EmailEngaged>>
{
    public Task Consume(ConsumeContext<Batch<EmailEngaged>> context) =>
        batch.LearnAsync(context, weights.Of);
}
