using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Recommendation.Content;
using Tailor.Recommendation.Training;

namespace Tailor.Recommendation.Consumers;

/// <summary>
/// Cold start: a user the ALS model was not trained on, but whose interests Embedding knows (what they viewed, wrote
/// or bought since the last training), gets the products closest to those interests instead of the popular ones. A
/// batch at a time: one query for its users' current sources, one per cold-start user for what they bought (left out
/// of their picks), one for the catalog entries of their nearest items, one publish call and one store transaction for
/// all of their new lists.
/// </summary>
public sealed class UserInterestsUpdatedConsumer(
    ContentRecommendations content,
    PurchasedItems purchases,
    UserRecommendationsWriter writer,
    ILogger<UserInterestsUpdatedConsumer> logger) : IConsumer<Batch<UserInterestsUpdated>>
{
    public async Task Consume(ConsumeContext<Batch<UserInterestsUpdated>> context)
    {
        var cancellationToken = context.CancellationToken;

        // A user's older update in the same batch would be overwritten at once by the newer one, so only the newest counts.
        // Each update has a user, a model and version, and a unit vector: MessageRules refused any other before batching.
        var newestByUser = new Dictionary<string, UserInterestsUpdated>(StringComparer.Ordinal);
        foreach (var update in context.Message.Select(entry => entry.Message))
        {
            if (!newestByUser.TryGetValue(update.UserId, out var seen) || update.OccurredAt >= seen.OccurredAt)
            {
                newestByUser[update.UserId] = update;
            }
        }

        var sources = await writer.SourcesAsync(newestByUser.Keys, cancellationToken);
        var coldStarts = newestByUser.Values
            .Where(update => !(sources.TryGetValue(update.UserId, out var source) && source is RecommendationSource.Personal))
            .ToList();
        var bought = await purchases.ForUsersAsync([.. coldStarts.Select(update => update.UserId)], cancellationToken);
        var lists = await content.ForInterestsAsync(
            [.. coldStarts.Select(update => new InterestQuery(update.Model, update.ModelVersion, update.Vector, bought[update.UserId]))], cancellationToken);
        var writes = new List<UserRecommendationsWrite>(coldStarts.Count);
        foreach (var (update, items) in coldStarts.Zip(lists))
        {
            if (items.Count > 0)
            {
                // Writing is idempotent: a redelivery writes the same items and publishes the same event id.
                writes.Add(new UserRecommendationsWrite(
                    update.UserId,
                    ContentRecommendations.ModelVersionFor(update.Model, update.ModelVersion),
                    items,
                    RecommendationSource.Content,
                    StableIds.For(update.EventId, nameof(RecommendationsUpdated))));
            }
        }

        await writer.WriteManyAsync(writes, cancellationToken);
        Log.ContentForUsers(logger, writes.Count, context.Message.Length);
    }
}
