using Tailor.Storage;

namespace Tailor.ContentGeneration.Control;

/// <summary>
/// Keeps the latest bestseller list Recommendation published. ContentGeneration records no purchases of its own, and
/// Recommendation already ranks items by how many users bought them (the list a new user is given), so control groups
/// are shown that list rather than a second count of the same purchases.
/// </summary>
public sealed class Bestsellers(IDocumentStore documents)
{
    private const string CurrentId = "current";

    public Task<BestsellerList?> ReadAsync(CancellationToken cancellationToken) =>
        documents.FindAsync<BestsellerList>(ContentGenerationNames.BestsellersCollection, CurrentId, cancellationToken);

    /// <summary>Keeps <paramref name="list"/> unless a list from a later training is already kept; true when kept.</summary>
    /// <remarks>A conditional write: of two trainings' lists stored at once by two replicas, the later training's stays.</remarks>
    public async Task<bool> KeepAsync(BestsellerList list, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        var kept = false;
        await documents.UpdateAsync<BestsellerList>(
            ContentGenerationNames.BestsellersCollection,
            CurrentId,
            stored =>
            {
                kept = stored is null || stored.TrainedAt <= list.TrainedAt;
                return kept ? list : stored;
            },
            cancellationToken);
        return kept;
    }
}
