namespace Tailor.Embedding.Interests;

/// <summary>How much one piece of evidence counts towards a user's interests.</summary>
public static class EvidenceWeights
{
    /// <summary>Buying something is the strongest signal of interest we get.</summary>
    public const double Purchase = 1.0;

    /// <summary>What users write about is as telling as what they buy.</summary>
    public const double Text = 1.0;

    /// <summary>A view (or a click in an email) is interest without commitment, so it counts half.</summary>
    public const double View = 0.5;
}
