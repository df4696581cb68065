using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Recommendation.Catalog;
using Tailor.Recommendation.Training;
using Tailor.Storage;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Content;

/// <summary>
/// Keeps a cold-start list free of what its user has bought once the purchase is recorded. The list was chosen from
/// the user's interests (<see cref="ContentRecommendations"/>), which leave out the purchases Recommendation had
/// recorded then; but the interests of a purchase come from Embedding on another queue, and can be taken before the
/// purchase itself is recorded here, so the item just bought (the nearest to interests made of it) would stay on the
/// list and be shown as new. Whichever of the two is taken second, the list ends without it.
/// </summary>
public sealed class BoughtLeftOut(IDocumentStore documents, UserRecommendationsWriter writer)
{
    /// <summary>Rewrites the content-based list of each buyer in <paramref name="activities"/> that holds an item they bought, or another colour or size of it.</summary>
    public async Task ApplyAsync(IReadOnlyList<UserActivityTracked> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var purchases = activities
            .Where(activity => activity.Activity == ActivityKinds.Purchase && activity.ItemId is not null)
            .GroupBy(activity => activity.UserId, StringComparer.Ordinal)
            .ToDictionary(user => user.Key, user => user.ToList(), StringComparer.Ordinal);
        if (purchases.Count == 0)
        {
            return;
        }

        var lists = (await documents.FindManyAsync<StoredRecommendations>(RecommendationStore.UserRecommendationsCollection, purchases.Keys, cancellationToken))
            .Where(entry => entry.Value.Source == RecommendationSource.Content)
            .ToList();
        if (lists.Count == 0)
        {
            return;
        }

        var catalog = await documents.FindManyAsync<CatalogEntry>(
            RecommendationStore.CatalogCollection,
            lists.SelectMany(entry => purchases[entry.Key]).Select(purchase => purchase.ItemId!).ToHashSet(StringComparer.Ordinal),
            cancellationToken);
        var writes = new List<UserRecommendationsWrite>();
        foreach (var (userId, stored) in lists)
        {
            var bought = purchases[userId].Select(purchase => purchase.ItemId!).ToHashSet(StringComparer.Ordinal);
            var products = ProductVariants.KeysOf(bought, catalog);
            var kept = stored.Items.Where(item => !bought.Contains(item.ItemId) && !products.Contains(ProductVariants.Key(item.Title))).ToList();
            if (kept.Count < stored.Items.Count)
            {
                // Named by the purchase that caused it, so a redelivered batch publishes the same event.
                var cause = purchases[userId].Min(purchase => purchase.EventId);
                writes.Add(new UserRecommendationsWrite(userId, stored.ModelVersion, kept, RecommendationSource.Content, StableIds.For(cause, nameof(BoughtLeftOut))));
            }
        }

        await writer.WriteManyAsync(writes, cancellationToken);
    }
}
