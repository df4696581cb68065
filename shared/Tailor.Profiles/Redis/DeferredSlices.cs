using System.Runtime.CompilerServices;
using System.Text.Json;
using Tailor.Storage;

namespace Tailor.Profiles.Redis;

/// <summary>
/// Slice writes Redis could not take, kept in the service's own store (collection <c>profiles.deferred</c>, one
/// document per user and slice, the latest winning) until the flusher writes them to Redis.
/// </summary>
public sealed class DeferredSlices(IDocumentStore documents)
{
    public const string Collection = "profiles.deferred";

    public Task DeferAsync(string userId, string sliceName, string json, CancellationToken cancellationToken) =>
        documents.UpsertAsync(Collection, Id(userId, sliceName), JsonSerializer.Serialize(new DeferredSlice(userId, sliceName, json)), cancellationToken);

    public async IAsyncEnumerable<DeferredSlice> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (_, json) in documents.ListAsync(Collection, cancellationToken))
        {
            if (JsonSerializer.Deserialize<DeferredSlice>(json) is { } slice)
            {
                yield return slice;
            }
        }
    }

    public Task RemoveAsync(DeferredSlice slice, CancellationToken cancellationToken) =>
        documents.DeleteAsync(Collection, Id(slice.UserId, slice.SliceName), cancellationToken);

    // The slice names are fixed words without spaces, so one space cannot make two pairs collide.
    private static string Id(string userId, string sliceName) => sliceName + " " + userId;
}

/// <summary>One slice write waiting for Redis: the slice's JSON exactly as it would have been stored.</summary>
public sealed record DeferredSlice(string UserId, string SliceName, string Json);
