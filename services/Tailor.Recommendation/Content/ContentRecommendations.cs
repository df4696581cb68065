using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Recommendation.Catalog;
using Tailor.Recommendation.Ranking;
using Tailor.Storage;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Content;

/// <summary>
/// Recommendations by meaning: the products whose text is closest to a user's interest vector. They need no purchase
/// history on either side, so they serve users the ALS model was not trained on and items no one has bought yet.
/// </summary>
public sealed class ContentRecommendations(ItemVectorIndex index, IDocumentStore documents, IOptions<RecommendationOptions> options)
{
    // Some of the nearest items are fees or postage, or not in the catalog copy yet: look further than the top N.
    private const int Oversampling = 4;

    /// <summary>The model version these recommendations are labelled with: which embedding model placed them.</summary>
    public static string ModelVersionFor(string model, string modelVersion) => $"content-{model}-{modelVersion}";

    public async Task<IReadOnlyList<RecommendedItem>> ForInterestsAsync(
        string model, string modelVersion, float[] interests, CancellationToken cancellationToken)
    {
        var topN = options.Value.TopN;
        var nearest = await index.NearestAsync(model, modelVersion, interests, topN * Oversampling, cancellationToken);
        var chosen = new List<RecommendedItem>(topN);
        var products = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in nearest)
        {
            var entry = await documents.FindAsync<CatalogEntry>(RecommendationStore.CatalogCollection, candidate.ItemId, cancellationToken);
            // A variant (colour, size, pack count) of an item already chosen would show one product twice.
            if (entry is null || !ProductRule.IsProduct(entry.ItemId, entry.Price) || !products.Add(ProductVariants.Key(entry.Title)))
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
