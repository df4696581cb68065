using System.Diagnostics;
using System.Runtime.CompilerServices;
using Tailor.Messaging.Diagnostics;

namespace Tailor.Profiles.Diagnostics;

/// <summary>
/// Wraps the chosen profile cache with a span per call (so a consumer's trace shows its Redis round trips) and the
/// cache's metrics, whichever adapter runs underneath.
/// </summary>
public sealed class InstrumentedProfileCache(IProfileCache inner, string system, ProfileMetrics metrics, TimeProvider clock) : IProfileCache
{
    /// <summary>The adapter underneath: what the registration chose.</summary>
    public IProfileCache Inner => inner;

    public async Task WriteSliceAsync<TSlice>(string userId, TSlice slice, CancellationToken cancellationToken = default)
        where TSlice : IProfileSlice
    {
        using var activity = Start("write_slice");
        activity?.SetTag(ProfileTelemetry.SliceTag, TSlice.SliceName);
        await Traced(activity, inner.WriteSliceAsync(userId, slice, cancellationToken));
        Written(TSlice.SliceName, 1);
    }

    /// <summary>One span for the batch; each slice counted as a single write is.</summary>
    public async Task WriteSlicesAsync<TSlice>(IReadOnlyCollection<KeyValuePair<string, TSlice>> slices, CancellationToken cancellationToken = default)
        where TSlice : IProfileSlice
    {
        ArgumentNullException.ThrowIfNull(slices);
        using var activity = Start("write_slices");
        activity?.SetTag(ProfileTelemetry.SliceTag, TSlice.SliceName);
        activity?.SetTag("db.operation.batch.size", slices.Count);
        await Traced(activity, inner.WriteSlicesAsync(slices, cancellationToken));
        Written(TSlice.SliceName, slices.Count);
    }

    public async Task<UserProfile?> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        using var activity = Start("read");
        var profile = await Traced(activity, inner.ReadAsync(userId, cancellationToken));
        metrics.Read(profile is not null);
        activity?.SetTag(ProfileTelemetry.ResultTag, profile is null ? "miss" : "hit");
        return profile;
    }

    /// <summary>One span for the batch (one round trip); each profile counted as a hit or miss as single reads are.</summary>
    public async Task<IReadOnlyList<UserProfile?>> ReadManyAsync(
        IReadOnlyList<string> userIds, IReadOnlyCollection<string>? slices = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        using var activity = Start("read_many");
        activity?.SetTag("db.operation.batch.size", userIds.Count);
        var profiles = await Traced(activity, inner.ReadManyAsync(userIds, slices, cancellationToken));
        foreach (var profile in profiles)
        {
            metrics.Read(profile is not null);
        }

        return profiles;
    }

    public async IAsyncEnumerable<string> ListUserIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // No span around the listing: it yields to the caller between pages, so its duration would be the campaign's.
        await foreach (var userId in inner.ListUserIdsAsync(cancellationToken))
        {
            yield return userId;
        }
    }

    public async Task RemoveAsync(string userId, CancellationToken cancellationToken = default)
    {
        using var activity = Start("remove");
        await Traced(activity, inner.RemoveAsync(userId, cancellationToken));
    }

    public async Task RemoveSliceAsync(string userId, string sliceName, CancellationToken cancellationToken = default)
    {
        using var activity = Start("remove slice");
        activity?.SetTag(ProfileTelemetry.SliceTag, sliceName);
        await Traced(activity, inner.RemoveSliceAsync(userId, sliceName, cancellationToken));
    }

    // Each slice written counts once, with the time since the message that caused it was sent.
    private void Written(string sliceName, int slices)
    {
        if (ProfileWriteCause.SentAt is { } sentAt)
        {
            var latency = clock.GetUtcNow() - sentAt;
            for (var written = 0; written < slices; written++)
            {
                metrics.SliceWritten(sliceName, latency);
            }
        }
    }

    private Activity? Start(string operation)
    {
        var activity = ProfileTelemetry.Source.StartActivity($"profile {operation}", ActivityKind.Client);
        activity?.SetTag("db.system.name", system);
        activity?.SetTag("db.operation.name", operation);
        return activity;
    }

    private static async Task Traced(Activity? activity, Task call)
    {
        try
        {
            await call;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }

    private static async Task<T> Traced<T>(Activity? activity, Task<T> call)
    {
        try
        {
            return await call;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }
}
