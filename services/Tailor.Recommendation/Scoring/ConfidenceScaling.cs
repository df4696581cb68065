namespace Tailor.Recommendation.Scoring;

/// <summary>How a cell's weight (units bought, clicks) becomes ALS confidence c = 1 + alpha · f(weight).</summary>
public enum ConfidenceScaling
{
    /// <summary>f(w) = w: a hundred units are a hundred times surer (Hu, Koren and Volinsky's first form).</summary>
    Linear,

    /// <summary>f(w) = ln(1 + w): more is surer, with diminishing returns (their second form).</summary>
    Log,

    /// <summary>
    /// BM25 as the implicit library weights it: saturating in w (K1 = 100), normalised by how much the user takes
    /// (B = 0.8), times the item's inverse document frequency, so a blockbuster says less about a user than a niche item.
    /// </summary>
    Bm25,
}
