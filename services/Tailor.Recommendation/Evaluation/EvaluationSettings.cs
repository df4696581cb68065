namespace Tailor.Recommendation.Evaluation;

/// <summary>
/// The hyperparameters of every model the evaluation trains. The defaults are what <c>eval recommend --tune</c> chose
/// on the shared Online Retail data (validated on August 2011, models trained on December to July; docs/models.md).
/// </summary>
/// <param name="ValidationDays">The last days of the training file held out to tune and to fit the blend's weights.</param>
/// <param name="Diversity">MMR's λ for the served blend's lists: 1 ranks by score alone; 0.9 is the service's default.</param>
/// <param name="EaseLambda">EASE's ridge penalty λ.</param>
/// <param name="Rp3Beta">RP3beta's popularity penalty exponent β.</param>
/// <param name="Rp3Neighbours">RP3beta keeps this many items per item.</param>
public sealed record EvaluationSettings(
    int Factors = 128,
    double Regularization = 10,
    int Iterations = 10,
    ConfidenceScaling Scaling = ConfidenceScaling.Log,
    double Alpha = 0.5,
    int Neighbours = 25,
    int PopularityWindowDays = 14,
    int HalfLifeDays = 90,
    int ValidationDays = 30,
    int Seed = 42,
    double Diversity = 0.9,
    double EaseLambda = 250,
    double Rp3Beta = 0.5,
    int Rp3Neighbours = 100)
{
    public Als.AlsParameters Als => new(Factors, (float)Regularization, Iterations, ConjugateGradientSteps: 3, Seed);
}
