using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Recommendation.Catalog;
using Tailor.Recommendation.Ranking;
using Tailor.Storage;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Content;

/// <summary>
/// Recommendations by meaning: the products whose text is closest to a user's interest vector. They need no purchase
/// history on either side, so they serve users the ALS model was not trained on and items no one has bought yet. They
/// are shown as new to the user, so what the user bought is left out.
/// </summary>
public sealed class ContentRecommendations(ItemVectorIndex index, IDocumentStore documents, IOptions<RecommendationOptions> options)
{
    // Some of the nearest items are fees or postage, or not in the catalog copy yet: look further than the top N.
    private const int Oversampling = 4;

    /// <summary>The model version these recommendations are labelled with: which embedding model placed them.</summary>
    public static string ModelVersionFor(string model, string modelVersion) => $"content-{model}-{modelVersion}";

    /// <summary>
    /// The products for each query, in the queries' order. The queries are searched in one pass over the item vectors,
    /// and the candidates of every query looked up in the catalog copy in one read, so a batch of cold-start users costs
    /// one pass and one store round trip, not one of each per user (and one read per candidate).
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<RecommendedItem>>> ForInterestsAsync(
        IReadOnlyList<InterestQuery> queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var topN = options.Value.TopN;
        var nearest = await index.NearestAsync(queries, topN * Oversampling, cancellationToken);
        var catalog = await documents.FindManyAsync<CatalogEntry>(
            RecommendationStore.CatalogCollection,
            nearest.SelectMany(candidates => candidates.Select(candidate => candidate.ItemId))
                .Concat(queries.SelectMany(query => query.Bought))
                .ToHashSet(StringComparer.Ordinal),
            cancellationToken);
        return [.. nearest.Zip(queries, (candidates, query) => Choose(candidates, query.Bought, catalog, topN))];
    }

    private static IReadOnlyList<RecommendedItem> Choose(
        IReadOnlyList<ItemScore> candidates, IReadOnlySet<string> bought, IReadOnlyDictionary<string, CatalogEntry> catalog, int topN)
    {
        var chosen = new List<RecommendedItem>(topN);
        // What the user bought, and its other colours and sizes, is not new to them.
        var products = ProductVariants.KeysOf(bought, catalog);
        foreach (var candidate in candidates)
        {
            // A variant (colour, size, pack count) of an item already chosen would show one product twice.
            if (bought.Contains(candidate.ItemId)
                || !catalog.TryGetValue(candidate.ItemId, out var entry)
                || !ProductRule.IsProduct(entry.ItemId, entry.Price)
                || !products.Add(ProductVariants.Key(entry.Title)))
            {
                continue;
            }

            chosen.Add(new RecommendedItem(entry.ItemId, entry.Title, entry.Price, candidate.Score, Reasons.CloseToYourInterests, ReasonKinds.CloseToInterests));
            if (chosen.Count == topN)
            {
                break;
            }
        }

        return chosen;
    }
}
