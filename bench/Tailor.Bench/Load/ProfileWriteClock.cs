using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Profiles;

namespace Tailor.Bench.Load;

/// <summary>
/// When each user's interests and send-time slices were first written, on the benchmark's own clock: every host runs
/// in this process, so the time a slice reached Redis compares directly with the time its event's request was sent.
/// </summary>
internal sealed class ProfileWriteClock
{
    private readonly ConcurrentDictionary<string, long> _interests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _sendTime = new(StringComparer.Ordinal);

    public int InterestsCount => _interests.Count;

    public int SendTimeCount => _sendTime.Count;

    /// <summary>Replaces the host's <see cref="IProfileCache"/> with one that notes the first write of each slice.</summary>
    public void Decorate(IServiceCollection services)
    {
        var inner = services.Last(descriptor => descriptor.ServiceType == typeof(IProfileCache));
        var factory = inner.ImplementationFactory ?? throw new InvalidOperationException("The profile cache is no longer registered by a factory.");
        services.Remove(inner);
        services.AddSingleton<IProfileCache>(provider => new Recording((IProfileCache)factory(provider), this));
    }

    /// <summary>The later of the two first writes (the whole profile written), or null while one is missing.</summary>
    public long? ProfileWritten(string userId) =>
        _interests.TryGetValue(userId, out var interests) && _sendTime.TryGetValue(userId, out var sendTime) ? Math.Max(interests, sendTime) : null;

    public long? Written(string slice, string userId) =>
        (slice == InterestsSlice.SliceName ? _interests : _sendTime).TryGetValue(userId, out var at) ? at : null;

    private void Note<TSlice>(string userId)
        where TSlice : IProfileSlice
    {
        var slices = TSlice.SliceName == InterestsSlice.SliceName ? _interests : TSlice.SliceName == SendTimeSlice.SliceName ? _sendTime : null;
        slices?.TryAdd(userId, Stopwatch.GetTimestamp());
    }

    private sealed class Recording(IProfileCache inner, ProfileWriteClock clock) : IProfileCache
    {
        public async Task WriteSliceAsync<TSlice>(string userId, TSlice slice, CancellationToken cancellationToken = default)
            where TSlice : IProfileSlice
        {
            await inner.WriteSliceAsync(userId, slice, cancellationToken);
            clock.Note<TSlice>(userId);
        }

        public Task<UserProfile?> ReadAsync(string userId, CancellationToken cancellationToken = default) => inner.ReadAsync(userId, cancellationToken);

        // Passed through, or the wrapper would turn ContentGeneration's one batched read into a read per user.
        public Task<IReadOnlyList<UserProfile?>> ReadManyAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken = default) =>
            inner.ReadManyAsync(userIds, cancellationToken);

        public IAsyncEnumerable<string> ListUserIdsAsync(CancellationToken cancellationToken = default) => inner.ListUserIdsAsync(cancellationToken);

        public Task RemoveAsync(string userId, CancellationToken cancellationToken = default) => inner.RemoveAsync(userId, cancellationToken);

        public Task RemoveSliceAsync(string userId, string sliceName, CancellationToken cancellationToken = default) =>
            inner.RemoveSliceAsync(userId, sliceName, cancellationToken);
    }
}
