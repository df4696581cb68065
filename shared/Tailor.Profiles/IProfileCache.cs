namespace Tailor.Profiles;

/// <summary>The profile projection (<c>profile:{userId}</c>, one field per slice). A cache: the truth stays in each service's store.</summary>
public interface IProfileCache
{
    Task WriteSliceAsync<TSlice>(string userId, TSlice slice, CancellationToken cancellationToken = default)
        where TSlice : IProfileSlice;

    Task<UserProfile?> ReadAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Every user with at least one slice, for campaigns whose audience is everyone.</summary>
    IAsyncEnumerable<string> ListUserIdsAsync(CancellationToken cancellationToken = default);

    Task RemoveAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes one slice of a user's profile: what each owning service does when it forgets a user, so a slice written
    /// after Ingestion removed the whole profile (a late event, a rebuild) does not outlive the erasure.
    /// </summary>
    Task RemoveSliceAsync(string userId, string sliceName, CancellationToken cancellationToken = default);
}
