namespace Tailor.Profiles;

/// <summary>The profile projection (<c>profile:{userId}</c>, one field per slice). A cache: the truth stays in each service's store.</summary>
public interface IProfileCache
{
    Task WriteSliceAsync<TSlice>(string userId, TSlice slice, CancellationToken cancellationToken = default)
        where TSlice : IProfileSlice;

    /// <summary>
    /// <see cref="WriteSliceAsync"/> for a batch's users (each at most once): how a batch consumer writes what its batch
    /// changed. An adapter that can send them together (Redis: one pipeline, the users listed with one command) does.
    /// </summary>
    Task WriteSlicesAsync<TSlice>(IReadOnlyCollection<KeyValuePair<string, TSlice>> slices, CancellationToken cancellationToken = default)
        where TSlice : IProfileSlice
    {
        ArgumentNullException.ThrowIfNull(slices);
        return Task.WhenAll(slices.Select(user => WriteSliceAsync(user.Key, user.Value, cancellationToken)));
    }

    Task<UserProfile?> ReadAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The profiles of <paramref name="userIds"/>, in their order (null where a user has none): how a batch consumer
    /// reads a whole batch's profiles in one round trip instead of one per user. The default reads one at a time; an
    /// adapter that can pipeline the reads does.
    /// </summary>
    /// <param name="slices">
    /// The names of the slices to read (each slice type's <c>SliceName</c>), or null for all: a reader that needs a few leaves the rest
    /// (an interest vector is most of a profile's bytes) in the cache. The others are null in the profiles returned,
    /// and a user with none of them reads as null.
    /// </param>
    async Task<IReadOnlyList<UserProfile?>> ReadManyAsync(
        IReadOnlyList<string> userIds, IReadOnlyCollection<string>? slices = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var profiles = new UserProfile?[userIds.Count];
        for (var index = 0; index < userIds.Count; index++)
        {
            profiles[index] = ProfileAssembler.Only(await ReadAsync(userIds[index], cancellationToken), slices);
        }

        return profiles;
    }

    /// <summary>Every user with at least one slice, for campaigns whose audience is everyone.</summary>
    IAsyncEnumerable<string> ListUserIdsAsync(CancellationToken cancellationToken = default);

    Task RemoveAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes one slice of a user's profile: what each owning service does when it forgets a user, so a slice written
    /// after Ingestion removed the whole profile (a late event, a rebuild) does not outlive the erasure.
    /// </summary>
    Task RemoveSliceAsync(string userId, string sliceName, CancellationToken cancellationToken = default);
}
