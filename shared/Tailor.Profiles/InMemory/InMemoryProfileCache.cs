using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Tailor.Profiles.InMemory;

/// <summary>
/// The embedded profile cache. Slices are kept as JSON, as Redis keeps them, so a slice that would not survive the
/// trip through Redis fails here too.
/// </summary>
public sealed class InMemoryProfileCache : IProfileCache
{
    // Each user's slices are an immutable map swapped atomically, so a write never loses a concurrent write of another slice.
    private readonly ConcurrentDictionary<string, ImmutableDictionary<string, string>> _profiles = new(StringComparer.Ordinal);

    public Task WriteSliceAsync<TSlice>(string userId, TSlice slice, CancellationToken cancellationToken = default)
        where TSlice : IProfileSlice
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(slice);
        var json = ProfileAssembler.Serialize(slice);
        _profiles.AddOrUpdate(
            userId,
            static (_, state) => ImmutableDictionary.Create<string, string>(StringComparer.Ordinal).Add(state.Name, state.Json),
            static (_, slices, state) => slices.SetItem(state.Name, state.Json),
            (Name: TSlice.SliceName, Json: json));
        return Task.CompletedTask;
    }

    public Task<UserProfile?> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return Task.FromResult(Read(userId));
    }

    public Task<IReadOnlyList<UserProfile?>> ReadManyAsync(
        IReadOnlyList<string> userIds, IReadOnlyCollection<string>? slices = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        foreach (var userId in userIds)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        }

        IReadOnlyList<UserProfile?> profiles = [.. userIds.Select(userId => ProfileAssembler.Only(Read(userId), slices))];
        return Task.FromResult(profiles);
    }

    /// <summary>A snapshot of the users at the time of the call.</summary>
    public IAsyncEnumerable<string> ListUserIdsAsync(CancellationToken cancellationToken = default) =>
        _profiles.Keys.ToAsyncEnumerable();

    public Task RemoveAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        _profiles.TryRemove(userId, out _);
        return Task.CompletedTask;
    }

    public Task RemoveSliceAsync(string userId, string sliceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sliceName);
        while (_profiles.TryGetValue(userId, out var slices) && slices.ContainsKey(sliceName))
        {
            var remaining = slices.Remove(sliceName);
            var swapped = remaining.IsEmpty
                ? _profiles.TryRemove(new KeyValuePair<string, ImmutableDictionary<string, string>>(userId, slices))
                : _profiles.TryUpdate(userId, remaining, slices);
            if (swapped)
            {
                break;
            }
        }

        return Task.CompletedTask;
    }

    private UserProfile? Read(string userId) =>
        _profiles.TryGetValue(userId, out var slices) ? ProfileAssembler.Assemble(userId, slices) : null;
}
