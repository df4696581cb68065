using System.Collections.Concurrent;

namespace Tailor.Profiles.Rebuild;

/// <summary>Markers of the in-process cache: they live exactly as long as the cache, so a restart finds none and rebuilds.</summary>
internal sealed class InMemoryCacheMarkers : IProfileCacheMarkers
{
    private readonly ConcurrentDictionary<string, byte> _complete = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _claimed = new(StringComparer.Ordinal);

    public Task<bool> IsCompleteAsync(string sliceName, CancellationToken cancellationToken) =>
        Task.FromResult(_complete.ContainsKey(sliceName));

    public Task<IRebuildClaim?> TryClaimRebuildAsync(string sliceName, CancellationToken cancellationToken) =>
        Task.FromResult<IRebuildClaim?>(_claimed.TryAdd(sliceName, 0) ? new Claim(this, sliceName) : null);

    private sealed class Claim(InMemoryCacheMarkers markers, string sliceName) : IRebuildClaim
    {
        public Task<bool> MarkCompleteAsync(CancellationToken cancellationToken)
        {
            markers._complete[sliceName] = 0;
            return Task.FromResult(true);
        }

        public ValueTask DisposeAsync()
        {
            markers._claimed.TryRemove(sliceName, out _);
            return ValueTask.CompletedTask;
        }
    }
}
