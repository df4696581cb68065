using System.Text.Json;
using Tailor.Storage;

namespace Tailor.Profiles.Rebuild;

/// <summary>
/// The slices whose write to the profile cache failed (Redis unreachable), kept in the owning service's own store
/// (collection <c>profiles.repairs</c>, one document per slice) so that the fact outlives the process and every
/// replica sees it. The state each failed write carried is already in that store, so nothing else is kept: the
/// <see cref="ProfileRebuildMonitor"/> rebuilds a slice with a pending repair from the store once the cache answers.
/// </summary>
/// <remarks>
/// Every failed write stores the document again, so its version moves. The rebuild reads the version before it
/// starts and completes the repair only if it is unchanged at the end (<see cref="TryCompleteAsync"/>): a write that
/// failed while the rebuild ran, perhaps for a user it had already passed, leaves the repair pending for the next one.
/// </remarks>
public sealed class SliceRepairs(IDocumentStore documents)
{
    public const string Collection = "profiles.repairs";

    /// <summary>Records that a write of <paramref name="sliceName"/> failed: the cache lacks state the store has.</summary>
    public Task RecordFailedWriteAsync(string sliceName, DateTimeOffset failedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sliceName);
        return documents.UpsertAsync(Collection, sliceName, Serialize(new SliceRepair(sliceName, Pending: true, failedAt)), cancellationToken);
    }

    /// <summary>The slice's repair with the version it was read at, while one is pending; null when none is.</summary>
    public async Task<Versioned<SliceRepair>?> FindPendingAsync(string sliceName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sliceName);
        var repair = await documents.FindVersionedAsync<SliceRepair>(Collection, sliceName, cancellationToken);
        return repair is { Document.Pending: true } ? repair : null;
    }

    /// <summary>Marks the repair done unless another write of the slice failed since it was read (then false).</summary>
    public Task<bool> TryCompleteAsync(Versioned<SliceRepair> pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return documents.TryReplaceAsync(
            Collection, pending.Document.SliceName, Serialize(pending.Document with { Pending = false }), pending.Version, cancellationToken);
    }

    private static string Serialize(SliceRepair repair) => JsonSerializer.Serialize(repair, StoreJson.Options);
}

/// <summary>Whether the slice still needs a rebuild from the store, and when a write of it last failed.</summary>
public sealed record SliceRepair(string SliceName, bool Pending, DateTimeOffset LastFailedAt);
