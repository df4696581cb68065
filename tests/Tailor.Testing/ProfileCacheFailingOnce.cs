using Tailor.Profiles;

namespace Tailor.Testing;

/// <summary>A profile cache whose first slice write fails, as a Redis failing over would.</summary>
public sealed class ProfileCacheFailingOnce(IProfileCache inner) : IProfileCache
{
    private int _writes;

    public bool Failed => Volatile.Read(ref _writes) > 0;

    public Task WriteSliceAsync<TSlice>(string userId, TSlice slice, CancellationToken cancellationToken = default)
        where TSlice : IProfileSlice =>
        Interlocked.Increment(ref _writes) == 1
            ? Task.FromException(new InjectedFailure("profile cache"))
            : inner.WriteSliceAsync(userId, slice, cancellationToken);

    public Task<UserProfile?> ReadAsync(string userId, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(userId, cancellationToken);

    public IAsyncEnumerable<string> ListUserIdsAsync(CancellationToken cancellationToken = default) =>
        inner.ListUserIdsAsync(cancellationToken);

    public Task RemoveAsync(string userId, CancellationToken cancellationToken = default) =>
        inner.RemoveAsync(userId, cancellationToken);

    public Task RemoveSliceAsync(string userId, string sliceName, CancellationToken cancellationToken = default) =>
        inner.RemoveSliceAsync(userId, sliceName, cancellationToken);
}
