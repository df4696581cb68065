namespace Tailor.Recommendation.Scoring;

/// <summary>
/// The hyperparameters of every model the evaluation trains. The defaults are what <c>eval recommend --tune</c> chose
/// on the shared Online Retail data (validated on August 2011, models trained on December to July; docs/models.md).
/// </summary>
/// <param name="ValidationDays">The last days of the training file held out to tune and to fit the blend's weights.</param>
/// <param name="Diversity">MMR's λ for the served blend's lists: 1 ranks by score alone; 0.9 is the service's default.</param>
/// <param name="EaseLambda">EASE's ridge penalty λ.</param>
/// <param name="Rp3Beta">RP3beta's popularity penalty exponent β.</param>
/// <param name="Rp3Neighbours">RP3beta keeps this many items per item.</param>
/// <param name="TifuNeighbours">TIFU-KNN's nearest users.</param>
/// <param name="TifuBasketDecay">TIFU-KNN's decay from one basket to the one before it, within a group.</param>
/// <param name="TifuGroupDecay">TIFU-KNN's decay from one group of baskets to the one before it.</param>
/// <param name="TifuAlpha">TIFU-KNN's weight of the user's own vector against their neighbours'.</param>
/// <param name="TifuGroupSize">TIFU-KNN's baskets per group.</param>
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
    int Rp3Neighbours = 100,
    int TifuNeighbours = 300,
    double TifuBasketDecay = 0.9,
    double TifuGroupDecay = 0.7,
    double TifuAlpha = 0.9,
    int TifuGroupSize = 7)
{
    public Als.AlsParameters Als => new(Factors, (float)Regularization, Iterations, ConjugateGradientSteps: 3, Seed);

    /// <summary>TIFU-KNN with these settings, trained on <paramref name="set"/>.</summary>
    public TifuKnnScorer TifuKnn(TrainingSet set) => new(set, TifuNeighbours, TifuBasketDecay, TifuGroupDecay, TifuAlpha, TifuGroupSize);
}
