using Tailor.ContentGeneration.Control;
using Tailor.ContentGeneration.Subjects;
using Tailor.Contracts;
using Tailor.Training.Catalog;

namespace Tailor.ContentGeneration.Personalization;

/// <summary>
/// The documents every email of a batch reads alike, read once for the batch (<see cref="EmailPersonalizer.StartBatchAsync"/>):
/// the bestseller list the control group is shown, the catalog entries of every item the batch's emails may show, and
/// the subject tests the emails choose from (<see cref="SubjectTestReads"/>).
/// </summary>
/// <param name="Bestsellers">The bestseller list; null when no email of the batch is a control email, or none was kept yet.</param>
/// <param name="Catalog">The catalog copy's entries of the batch's items, by item id; an item it does not know is absent.</param>
public sealed record PersonalizationReads(BestsellerList? Bestsellers, IReadOnlyDictionary<string, CatalogEntry> Catalog)
{
    public SubjectTestReads Subjects { get; } = new();

    /// <summary>The items as the catalog lists them now: current titles and prices, without the withdrawn ones.</summary>
    public IReadOnlyList<RecommendedItem> AsListedNow(IReadOnlyList<RecommendedItem> items) => CatalogEntries.AsListedNow(items, Catalog);
}
