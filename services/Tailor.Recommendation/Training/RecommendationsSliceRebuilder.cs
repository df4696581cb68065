using Tailor.Profiles;
using Tailor.Profiles.Rebuild;
using Tailor.Recommendation.Content;
using Tailor.Storage;

namespace Tailor.Recommendation.Training;

/// <summary>Writes every recommendations slice again from the lists Recommendation stored when the profile cache lost them.</summary>
internal sealed class RecommendationsSliceRebuilder(IDocumentStore documents, IProfileCache profiles) : IProfileSliceRebuilder
{
    public string SliceName => RecommendationsSlice.SliceName;

    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var (userId, _) in documents.ListAsync<StoredRecommendations>(RecommendationStore.UserRecommendationsCollection, cancellationToken))
        {
            // Read again just before writing: a user erased during the rebuild is not brought back.
            if (await documents.FindAsync<StoredRecommendations>(RecommendationStore.UserRecommendationsCollection, userId, cancellationToken) is { } stored)
            {
                await profiles.WriteSliceAsync(userId, new RecommendationsSlice(stored.ModelVersion, stored.Items, stored.UpdatedAt), cancellationToken);
                count++;
            }
        }

        return count;
    }
}
