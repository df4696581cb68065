using Tailor.Profiles;
using Tailor.Profiles.Rebuild;

namespace Tailor.Embedding.Interests;

/// <summary>Writes every interests slice again from Embedding's stored interest state when the profile cache lost them.</summary>
internal sealed class InterestsSliceRebuilder(UserInterests interests) : IProfileSliceRebuilder
{
    public string SliceName => InterestsSlice.SliceName;

    public Task<int> RebuildAsync(CancellationToken cancellationToken) => interests.RewriteSlicesAsync(cancellationToken);
}
