using MassTransit;
using Tailor.Contracts;
using Tailor.SendTime.Learning;

namespace Tailor.SendTime.Consumers;

/// <summary>Every tracked activity says when its user is around: learned a batch at a time.</summary>
public sealed class UserActivityTrackedConsumer(EvidenceBatch batch, EvidenceWeights weights) : IConsumer<Batch<UserActivityTracked>>
{
    public Task Consume(ConsumeContext<Batch<UserActivityTracked>> context) =>
        batch.LearnAsync(context, weights.Of);
}
