using System.Globalization;
using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Evaluation;

/// <summary>One setting tried: which parameter, its value, and the model's validation NDCG@10 summed over both protocols.</summary>
public sealed record HyperparameterTrial(string Model, string Parameter, string Value, double Score);

/// <summary>
/// Chooses each model's hyperparameters on the validation split, one parameter at a time in a fixed order (coordinate
/// search from the defaults): every value of the parameter is tried with the others fixed, the best is kept. The score is
/// the model's own NDCG@10 on the validation period, summed over both protocols. The test file is never looked at.
/// </summary>
public static class HyperparameterSearch
{
    public static (EvaluationSettings Settings, IReadOnlyList<HyperparameterTrial> Trials) Tune(
        TrainingSet train, IReadOnlyList<Interaction> validation, EvaluationSettings start, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(progress);
        var targets = Enum.GetValues<EvaluationProtocol>().Select(protocol => (protocol, TestTargets.For(train, validation, protocol))).ToList();
        var trials = new List<HyperparameterTrial>();
        var settings = start;

        double Score(IItemScorer model) =>
            targets.Sum(target => OfflineEvaluation.Evaluate(train, model, target.Item2, target.protocol).NdcgAt10);

        EvaluationSettings Choose<T>(string model, string parameter, IEnumerable<T> values, Func<EvaluationSettings, T, EvaluationSettings> with, Func<EvaluationSettings, IItemScorer> build)
        {
            var best = settings;
            var bestScore = double.NegativeInfinity;
            foreach (var value in values)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var candidate = with(settings, value);
                var score = Score(build(candidate));
                var shown = string.Format(CultureInfo.InvariantCulture, "{0}", value);
                trials.Add(new HyperparameterTrial(model, parameter, shown, score));
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {model} {parameter} = {shown}: validation NDCG@10 (all + new) {score:F4}"));
                if (score > bestScore)
                {
                    (best, bestScore) = (candidate, score);
                }
            }

            return best;
        }

        IItemScorer Als(EvaluationSettings s) => new AlsScorer(train, s.Als, s.Scaling, s.Alpha, cancellationToken);

        settings = Choose("als", "scaling", Enum.GetValues<ConfidenceScaling>(), (s, v) => s with { Scaling = v }, Als);
        settings = Choose("als", "alpha", [0.5, 1.0, 2.0, 5.0, 10.0, 20.0], (s, v) => s with { Alpha = v }, Als);
        settings = Choose("als", "factors", [32, 64, 128], (s, v) => s with { Factors = v }, Als);
        settings = Choose("als", "regularization", [0.01, 0.1, 1.0, 10.0], (s, v) => s with { Regularization = v }, Als);
        settings = Choose("als", "iterations", [10, 15, 25], (s, v) => s with { Iterations = v }, Als);
        settings = Choose("item-knn", "neighbours", [25, 50, 100, 200, 400], (s, v) => s with { Neighbours = v }, s => new ItemKnnScorer(train, s.Neighbours));
        settings = Choose(
            "popularity", "window days", [7, 14, 30, 60], (s, v) => s with { PopularityWindowDays = v }, s => new PopularityScorer(train, TimeSpan.FromDays(s.PopularityWindowDays)));
        settings = Choose(
            "buy-again", "half-life days", [14, 30, 90, 180, 365], (s, v) => s with { HalfLifeDays = v }, s => new BuyAgainScorer(train, TimeSpan.FromDays(s.HalfLifeDays)));
        settings = Choose("ease", "lambda", [50.0, 100.0, 250.0, 500.0, 1000.0], (s, v) => s with { EaseLambda = v }, s => new EaseScorer(train, s.EaseLambda, cancellationToken));
        settings = Choose("rp3beta", "beta", [0.0, 0.25, 0.5, 0.75], (s, v) => s with { Rp3Beta = v }, s => new Rp3BetaScorer(train, s.Rp3Beta, s.Rp3Neighbours));
        settings = Choose("tifu-knn", "alpha", [0.5, 0.7, 0.9, 1.0], (s, v) => s with { TifuAlpha = v }, s => s.TifuKnn(train));
        settings = Choose("tifu-knn", "neighbours", [50, 100, 300, 600], (s, v) => s with { TifuNeighbours = v }, s => s.TifuKnn(train));
        settings = Choose("tifu-knn", "group decay", [0.5, 0.7, 0.9, 1.0], (s, v) => s with { TifuGroupDecay = v }, s => s.TifuKnn(train));
        settings = Choose("tifu-knn", "basket decay", [0.5, 0.7, 0.9, 1.0], (s, v) => s with { TifuBasketDecay = v }, s => s.TifuKnn(train));
        return (settings, trials);
    }
}
