namespace Tailor.Profiles.Rebuild;

/// <summary>
/// One marker per slice, written into the profile cache once every user's slice of that kind is there. A cache that
/// lost its data (a Redis restarted without persistence, flushed, or replaced; the process holding the in-process
/// cache restarted) lost the marker with it, which is how its loss is noticed.
/// </summary>
public interface IProfileCacheMarkers
{
    Task<bool> IsCompleteAsync(string sliceName, CancellationToken cancellationToken);

    Task MarkCompleteAsync(string sliceName, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the rebuild of a slice for <paramref name="lease"/>, so replicas of one service do not all rebuild at once;
    /// null when another process holds it. Disposing the claim gives it up.
    /// </summary>
    Task<IAsyncDisposable?> TryClaimRebuildAsync(string sliceName, TimeSpan lease, CancellationToken cancellationToken);
}
