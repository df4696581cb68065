namespace Tailor.Recommendation.Evaluation;

/// <summary>Which later items count as hits, and which items may be recommended.</summary>
public enum EvaluationProtocol
{
    /// <summary>Every item the user took in the test period; items they took before may be recommended again.</summary>
    All,

    /// <summary>Only items the user had never taken before; those they had are not recommended.</summary>
    New,
}
