namespace Tailor.Profiles.Rebuild;

/// <summary>
/// One marker per slice, written into the profile cache once every user's slice of that kind is there. A cache that
/// lost its data lost the marker with it, which is how its loss is noticed: a Redis restarted without persistence,
/// flushed or replaced, and (since a marker names the server that holds it) a restart from a snapshot or a failover to
/// a replica, which may have lost the last writes; the in-process cache when its process restarts.
/// </summary>
public interface IProfileCacheMarkers
{
    Task<bool> IsCompleteAsync(string sliceName, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the rebuild of a slice, so replicas of one service do not rebuild it at once; null when another process
    /// holds the claim. The claim lasts while its holder runs (renewed) and expires if the holder dies.
    /// </summary>
    Task<IRebuildClaim?> TryClaimRebuildAsync(string sliceName, CancellationToken cancellationToken);
}

/// <summary>A claimed rebuild of one slice. Disposing it gives the claim up.</summary>
public interface IRebuildClaim : IAsyncDisposable
{
    /// <summary>
    /// Marks the slice complete, if the claim is still held: false when the cache lost it during the rebuild (emptied
    /// again, restarted), so the slices just written may be gone too and the rebuild must run again.
    /// </summary>
    Task<bool> MarkCompleteAsync(CancellationToken cancellationToken);
}
