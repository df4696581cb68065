using System.Text.Json;
using MassTransit;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.Recommendation.Content;
using Tailor.Storage;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Training;

/// <summary>
/// Puts one user's recommendations everywhere they are read: the store (truth), the profile slice (cache), the bus.
/// Every list Recommendation writes (trained, popular, content, rolled back) passes here, so this is where the items the
/// shop has withdrawn are left out and the others take their current title and price (<see cref="CatalogEntries.AsListedNow"/>).
/// </summary>
public sealed class UserRecommendationsWriter(IDocumentStore documents, IProfileCache profiles, IBus bus, TimeProvider time)
{
    /// <param name="items">The list as chosen; what is written is the list as the catalog copy has it now.</param>
    /// <param name="eventId">
    /// The <see cref="RecommendationsUpdated"/> id: derived from what caused the write, so a retry publishes the same one.
    /// </param>
    /// <param name="catalog">
    /// The catalog copy already in memory (a training writing every user's list reads it once, not once per user); null
    /// reads the list's entries from the store.
    /// </param>
    public async Task WriteAsync(
        string userId,
        string modelVersion,
        IReadOnlyList<RecommendedItem> items,
        RecommendationSource source,
        Guid eventId,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, CatalogEntry>? catalog = null)
    {
        var now = time.GetUtcNow();
        items = CatalogEntries.AsListedNow(
            items, catalog ?? await CatalogEntries.ReadAsync<RecommendationTrainer>(documents, items.Select(item => item.ItemId), cancellationToken));

        // The stored document goes last: it is what says the user has recommendations (SourceAsync), so a failure on the
        // way leaves the whole write to be redone, and redoing the cache write and the publish (the same EventId) is
        // harmless.
        await profiles.WriteSliceAsync(userId, new RecommendationsSlice(modelVersion, items, now), cancellationToken);
        await bus.Publish(new RecommendationsUpdated(eventId, userId, now, modelVersion, items), cancellationToken);
        await documents.PutAsync(
            RecommendationStore.UserRecommendationsCollection, userId, new StoredRecommendations(modelVersion, source, items, now), cancellationToken);
    }

    /// <summary>
    /// <see cref="WriteAsync"/> for many users at once (one user at most once): one catalog read, their slices written
    /// concurrently, one publish call and one store transaction, in the same order and for the same reason as a single write.
    /// </summary>
    public async Task WriteManyAsync(IReadOnlyList<UserRecommendationsWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var catalog = await CatalogEntries.ReadAsync<RecommendationTrainer>(
            documents, writes.SelectMany(write => write.Items).Select(item => item.ItemId), cancellationToken);
        writes = [.. writes.Select(write => write with { Items = CatalogEntries.AsListedNow(write.Items, catalog) })];
        await profiles.WriteSlicesAsync(
            [.. writes.Select(write => KeyValuePair.Create(write.UserId, new RecommendationsSlice(write.ModelVersion, write.Items, now)))],
            cancellationToken);
        await bus.PublishBatch(
            writes.Select(write => new RecommendationsUpdated(write.EventId, write.UserId, now, write.ModelVersion, write.Items)),
            cancellationToken);
        await documents.UpsertManyAsync(
            RecommendationStore.UserRecommendationsCollection,
            [.. writes.Select(write => new KeyValuePair<string, string>(
                write.UserId,
                JsonSerializer.Serialize(new StoredRecommendations(write.ModelVersion, write.Source, write.Items, now), StoreJson.Options)))],
            cancellationToken);
    }

    /// <summary>The event id of a user's recommendations from a trained model: one per model version and user.</summary>
    public static Guid TrainedEventId(string modelVersion, string userId) =>
        StableIds.From("tailor.recommendation.user", modelVersion, userId);

    /// <summary>Which model chose each user's current recommendations, in one query; a user with none is absent.</summary>
    public async Task<IReadOnlyDictionary<string, RecommendationSource>> SourcesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var stored = await documents.FindManyAsync<StoredRecommendations>(RecommendationStore.UserRecommendationsCollection, userIds, cancellationToken);
        return stored.ToDictionary(entry => entry.Key, entry => entry.Value.Source, StringComparer.Ordinal);
    }

    /// <summary>Which model chose the user's current recommendations; null when they have none.</summary>
    public async Task<RecommendationSource?> SourceAsync(string userId, CancellationToken cancellationToken) =>
        (await documents.FindAsync<StoredRecommendations>(RecommendationStore.UserRecommendationsCollection, userId, cancellationToken))?.Source;
}
