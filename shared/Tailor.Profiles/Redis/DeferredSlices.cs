using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Tailor.Storage;

namespace Tailor.Profiles.Redis;

/// <summary>
/// Slice writes Redis could not take, kept in the service's own store (collection <c>profiles.deferred</c>, one
/// document per user and slice, the latest winning) until the flusher writes them to Redis. Each deferred write
/// belongs to the service that owns its slice: a flusher lists only the slices its own process owns or deferred
/// (<see cref="ListAsync"/>), so services that share one store (the embedded mode's file, or a database several
/// processes were pointed at) never write, nor remove, each other's.
/// </summary>
public sealed class DeferredSlices(IDocumentStore documents)
{
    public const string Collection = "profiles.deferred";

    private readonly ConcurrentDictionary<string, bool> _deferredHere = new(StringComparer.Ordinal);

    /// <summary>The slices this process deferred a write of since it started.</summary>
    public IEnumerable<string> DeferredHere => _deferredHere.Keys;

    public Task DeferAsync(string userId, string sliceName, string json, CancellationToken cancellationToken)
    {
        _deferredHere.TryAdd(sliceName, true);
        return documents.UpsertAsync(Collection, Id(userId, sliceName), JsonSerializer.Serialize(new DeferredSlice(userId, sliceName, json)), cancellationToken);
    }

    /// <summary>The deferred writes of <paramref name="slices"/> only; another service's wait for that service.</summary>
    public async IAsyncEnumerable<DeferredSlice> ListAsync(IReadOnlySet<string> slices, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slices);
        await foreach (var (_, json) in documents.ListAsync(Collection, cancellationToken))
        {
            if (JsonSerializer.Deserialize<DeferredSlice>(json) is { } slice && slices.Contains(slice.SliceName))
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
