using Tailor.Profiles;
using Tailor.Profiles.Rebuild;

namespace Tailor.SendTime.Learning;

/// <summary>Writes every user's send-time slice again from SendTime's stored counts when the profile cache lost them.</summary>
internal sealed class SendTimeSliceRebuilder(SendTimeRefresh refresh) : IProfileSliceRebuilder
{
    public string SliceName => SendTimeSlice.SliceName;

    public Task<int> RebuildAsync(CancellationToken cancellationToken) => refresh.RewriteSlicesAsync(cancellationToken);
}
