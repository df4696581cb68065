using Tailor.Profiles;
using Tailor.Profiles.InMemory;

namespace Tailor.SendTime.Tests;

/// <summary>
/// The in-process profile cache, except that its first slice write fails as a cache blip would: the consumer has by
/// then done its store writes, so only a retry that redoes the work (without doubling it) leaves the right state.
/// </summary>
internal sealed class ProfileCacheFailingOnce : IProfileCache
{
    private readonly InMemoryProfileCache _inner = new();
    private int _failures;

    public bool Failed => Volatile.Read(ref _failures) > 0;

    public Task WriteSliceAsync<TSlice>(string userId, TSlice slice, CancellationToken cancellationToken = default)
        where TSlice : IProfileSlice =>
        Interlocked.Increment(ref _failures) == 1
            ? Task.FromException(new IOException("The profile cache is unreachable (injected once by the test)."))
            : _inner.WriteSliceAsync(userId, slice, cancellationToken);

    public Task<UserProfile?> ReadAsync(string userId, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(userId, cancellationToken);

    public IAsyncEnumerable<string> ListUserIdsAsync(CancellationToken cancellationToken = default) =>
        _inner.ListUserIdsAsync(cancellationToken);

    public Task RemoveAsync(string userId, CancellationToken cancellationToken = default) =>
        _inner.RemoveAsync(userId, cancellationToken);
}
