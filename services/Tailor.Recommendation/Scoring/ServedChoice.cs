namespace Tailor.Recommendation.Scoring;

/// <summary>What is served, as <see cref="ServedSelection"/> chose it on the validation window.</summary>
/// <param name="Weights">Per segment, each component's weight: a blend, or one model for known users (popularity for new ones).</param>
/// <param name="Model"><c>blend</c>, the single model's name, or <c>defaults</c> when the data was too short to validate on.</param>
/// <param name="ExcludeTaken">Whether lists leave out what the user took before: chosen on validation unless set.</param>
/// <param name="Reason">Why, in a sentence, for logs and <c>eval recommend</c>'s progress.</param>
/// <param name="CheckScores">Each candidate's NDCG@10 (all + new) on the validation users the blend was not fitted on.</param>
public sealed record ServedChoice(
    IReadOnlyDictionary<UserSegment, double[]> Weights,
    string Model,
    bool ExcludeTaken,
    string Reason,
    IReadOnlyDictionary<string, double> CheckScores,
    ValidationWindow? Window)
{
    public const string Blend = "blend";
    public const string Defaults = "defaults";
}
