using Tailor.Profiles;
using Tailor.Profiles.Rebuild;
using Tailor.Storage;

namespace Tailor.Topic.Training;

/// <summary>Writes every topics slice again from Topic's store (the slices a training wrote there) when the profile cache lost them.</summary>
internal sealed class TopicsSliceRebuilder(IDocumentStore documents, IProfileCache profiles) : IProfileSliceRebuilder
{
    public string SliceName => TopicsSlice.SliceName;

    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var (userId, _) in documents.ListAsync<TopicsSlice>(TopicStore.UserTopicsCollection, cancellationToken))
        {
            // Read again just before writing: a user erased during the rebuild is not brought back.
            if (await documents.FindAsync<TopicsSlice>(TopicStore.UserTopicsCollection, userId, cancellationToken) is { } slice)
            {
                await profiles.WriteSliceAsync(userId, slice, cancellationToken);
                count++;
            }
        }

        return count;
    }
}
