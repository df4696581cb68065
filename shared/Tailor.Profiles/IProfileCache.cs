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
}
