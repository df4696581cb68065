namespace Tailor.Recommendation.Als;

/// <summary>The hyper-parameters of one ALS fit.</summary>
/// <param name="ConjugateGradientSteps">CG steps per row and sweep; warm starts from the last sweep make 3 enough.</param>
public sealed record AlsParameters(int Factors, float Regularization, int Iterations, int ConjugateGradientSteps, int Seed);
