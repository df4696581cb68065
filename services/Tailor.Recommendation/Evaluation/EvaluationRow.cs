namespace Tailor.Recommendation.Evaluation;

/// <summary>One model under one protocol: the mean of each metric over the users evaluated, and catalogue coverage.</summary>
/// <param name="Coverage">The share of the training set's items that appear in anyone's top 10.</param>
/// <param name="Segments">The same metrics per customer segment (new, light, heavy); empty when not computed.</param>
public sealed record EvaluationRow(
    string Model, EvaluationProtocol Protocol, double NdcgAt10, double HrAt10, double RecallAt10, double Coverage, int Users, IReadOnlyList<SegmentFigures>? Segments = null);
