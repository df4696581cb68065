using MassTransit;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.Recommendation.Training;

/// <summary>Puts one user's recommendations everywhere they are read: the store (truth), the profile slice (cache), the bus.</summary>
public sealed class UserRecommendationsWriter(IDocumentStore documents, IProfileCache profiles, IBus bus, TimeProvider time)
{
    public async Task WriteAsync(string userId, string modelVersion, IReadOnlyList<RecommendedItem> items, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var slice = new RecommendationsSlice(modelVersion, items, now);

        // The stored document goes last: it is what says the user has recommendations (HasRecommendationsAsync), so a
        // failure on the way leaves the whole write to be redone, and redoing the cache write and the publish (the same
        // EventId for the same model and user) is harmless.
        await profiles.WriteSliceAsync(userId, slice, cancellationToken);
        await bus.Publish(new RecommendationsUpdated(StableIds.From("tailor.recommendation.user", modelVersion, userId), userId, now, modelVersion, items), cancellationToken);
        await documents.PutAsync(RecommendationStore.UserRecommendationsCollection, userId, slice, cancellationToken);
    }

    public async Task<bool> HasRecommendationsAsync(string userId, CancellationToken cancellationToken) =>
        await documents.GetAsync(RecommendationStore.UserRecommendationsCollection, userId, cancellationToken) is not null;
}
