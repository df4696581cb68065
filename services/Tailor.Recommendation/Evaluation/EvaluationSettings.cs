namespace Tailor.Recommendation.Evaluation;

/// <summary>The hyperparameters of every model the evaluation trains.</summary>
/// <param name="ValidationDays">The last days of the training file held out to fit the blend's weights.</param>
public sealed record EvaluationSettings(
    int Factors = 64,
    double Regularization = 0.1,
    int Iterations = 15,
    ConfidenceScaling Scaling = ConfidenceScaling.Log,
    double Alpha = 1.0,
    int Neighbours = 100,
    int PopularityWindowDays = 30,
    int HalfLifeDays = 90,
    int ValidationDays = 30,
    int Seed = 42)
{
    public Als.AlsParameters Als => new(Factors, (float)Regularization, Iterations, ConjugateGradientSteps: 3, Seed);
}
