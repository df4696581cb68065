using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Recommendation.Consumers;

/// <summary>
/// Records purchases and views (the evidence the next training learns from), a batch at a time in one transaction.
/// Recording is the whole effect and the store skips an event it already holds, so a redelivered or duplicated
/// activity needs no query of its own.
/// </summary>
public sealed class UserActivityTrackedConsumer(IEventStore events) : IConsumer<Batch<UserActivityTracked>>
{
    // A purchase without an item or an activity without a user never gets here: MessageRules refused it on the way in.
    public Task Consume(ConsumeContext<Batch<UserActivityTracked>> context) =>
        events.RecordManyAsync(RecommendationStore.Stream, [.. context.Message.Select(entry => entry.Message)], context.CancellationToken);
}
