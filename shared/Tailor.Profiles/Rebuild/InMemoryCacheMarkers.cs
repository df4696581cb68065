using System.Collections.Concurrent;

namespace Tailor.Profiles.Rebuild;

/// <summary>Markers of the in-process cache: they live exactly as long as the cache, so a restart finds none and rebuilds.</summary>
internal sealed class InMemoryCacheMarkers : IProfileCacheMarkers
{
    private readonly ConcurrentDictionary<string, byte> _complete = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _claimed = new(StringComparer.Ordinal);

    public Task<bool> IsCompleteAsync(string sliceName, CancellationToken cancellationToken) =>
        Task.FromResult(_complete.ContainsKey(sliceName));

    public Task MarkCompleteAsync(string sliceName, CancellationToken cancellationToken)
    {
        _complete[sliceName] = 0;
        return Task.CompletedTask;
    }

    public Task<IAsyncDisposable?> TryClaimRebuildAsync(string sliceName, TimeSpan lease, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(_claimed.TryAdd(sliceName, 0) ? new Claim(() => _claimed.TryRemove(sliceName, out _)) : null);

    private sealed class Claim(Action release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            release();
            return ValueTask.CompletedTask;
        }
    }
}
