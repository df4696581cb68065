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
        await foreach (var (userId, slice) in documents.ListAsync<TopicsSlice>(TopicStore.UserTopicsCollection, cancellationToken))
        {
            await profiles.WriteSliceAsync(userId, slice, cancellationToken);
            count++;
        }

        return count;
    }
}
