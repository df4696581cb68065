using MassTransit;
using Tailor.Contracts;
using Tailor.Recommendation.Content;
using Tailor.Storage;

namespace Tailor.Recommendation.Consumers;

/// <summary>
/// Records purchases and views (the evidence the next training learns from), a batch at a time in one transaction,
/// and takes what a buyer bought off their cold-start list (<see cref="BoughtLeftOut"/>). The store skips an event it
/// already holds and the list rewrite is idempotent, so a redelivered or duplicated activity needs no query of its own.
/// </summary>
public sealed class UserActivityTrackedConsumer(IEventStore events, BoughtLeftOut boughtLeftOut) : IConsumer<Batch<UserActivityTracked>>
{
    // A purchase without an item or an activity without a user never gets here: MessageRules refused it on the way in.
    public async Task Consume(ConsumeContext<Batch<UserActivityTracked>> context)
    {
        IReadOnlyList<UserActivityTracked> activities = [.. context.Message.Select(entry => entry.Message)];
        await events.RecordManyAsync(RecommendationStore.Stream, activities, context.CancellationToken);
        await boughtLeftOut.ApplyAsync(activities, context.CancellationToken);
    }
}
