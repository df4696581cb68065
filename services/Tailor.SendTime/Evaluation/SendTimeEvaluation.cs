using Tailor.SendTime.Model;
using Tailor.SendTime.Serving;

namespace Tailor.SendTime.Evaluation;

/// <summary>
/// The offline evaluation behind <c>eval send-time</c>. The training activity is learned by SendTime's own code
/// (<see cref="SendTimeTrainingSet"/>: the same fold, occurrences and prior fit), and the test period is replayed as
/// the service lives it (<see cref="PrequentialScoring"/>): each activity folded into the user's state, the population
/// and the cohort as it arrives, the prior strengths as fitted at the start. Every model places one send per test user
/// and local day, from SendTime's state at the start of that day (the account's clock), before any of the day's
/// activity is folded in, as a day's email is placed before the day. A user is judged on their test
/// occurrences (one per user and hour, as SendTime counts): the share of them within ±1 hour of the send hour placed on
/// that occurrence's local day, hours compared on the clock face in the user's zone (23:00 is one hour from 00:00).
/// The servable models are scored as served (<see cref="PlannedSendTime"/>: the slice SendTime would have written and
/// the planner's greedy hour in it); the cost of exploring is reported apart, as the expected score of the planner's
/// Thompson draws (<see cref="ExploreName"/>). Which model serves is decided without the test period: the candidates
/// are trained on the training activity up to <see cref="ValidationPeriod"/> before its end and scored on that stretch
/// the same way (and the one before, see Choose); the champion (what SendTime serves) keeps serving unless a challenger
/// is ahead by <see cref="ChallengerMargin"/>. The model chosen is retrained on all of it and reported on the test
/// period as <see cref="ServedName"/>.
/// </summary>
public static class SendTimeEvaluation
{
    public const string ServedName = "served";
    public const string ExploreName = "served-explore";
    public const int FewEvents = 3;
    public const int ValidationFolds = 2;

    /// <summary>How many Thompson draws per user and day the exploring score averages.</summary>
    public const int ExploreDraws = 20;

    /// <summary>The model SendTime serves: the hierarchy over hours of the week, which places a send on the campaign's own weekday.</summary>
    public const string Champion = SendTimeModels.HierarchyWeek;

    /// <summary>How far (relative) a challenger must be ahead of <see cref="Champion"/> on validation to serve instead.</summary>
    public const double ChallengerMargin = 0.02;
    public static readonly TimeSpan ValidationPeriod = TimeSpan.FromDays(30);

    public static SendTimeEvaluationReport Run(IReadOnlyList<TimedActivity> train, IReadOnlyList<TimedActivity> test, TimeZoneInfo accountZone)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(accountZone);
        if (train.Count == 0 || test.Count == 0)
        {
            throw new ArgumentException("Send-time evaluation needs training and test activity.");
        }

        var choice = Choose(train, accountZone);
        var set = SendTimeTrainingSet.Build(train, accountZone);
        var learned = LearnedSendTime.Fit(train, accountZone);
        var served = ServedPreference.For(choice.Name, learned);
        var models = Baselines.Concat(Servable(learned))
            .Append(replay => PlannedSendTime.Predictor(ServedName, replay, served))
            .Concat(Enumerable.Range(0, ExploreDraws).Select(draw => (Func<SendTimeReplay, SendTimePredictor>)(replay => PlannedSendTime.Predictor(ExploreName, replay, served, draw))))
            .ToList();
        var scores = PrequentialScoring.Score(set, test, models);
        return new SendTimeEvaluationReport(SendTimeComparison.Rows(scores), choice.Name, choice.Scores, set.Priors.Strengths, learned, scores);
    }

    /// <summary>The prior strengths SendTime would fit on this training set (fitted as the set is learned).</summary>
    public static PriorStrengths FitStrengths(SendTimeTrainingSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Priors.Strengths;
    }

    /// <summary>The baselines: the best global hour and the user's own hour, both from everything before the occurrence.</summary>
    private static IEnumerable<Func<SendTimeReplay, SendTimePredictor>> Baselines => [SendTimeModels.Global, SendTimeModels.User];

    /// <summary>Each model SendTime can serve, scored as served (greedy).</summary>
    private static IEnumerable<Func<SendTimeReplay, SendTimePredictor>> Servable(LearnedHourModel? learned) =>
        ServedModelChoice.Servable
            .Where(model => model != LearnedSendTime.Name || learned is not null)
            .Select(model => (Func<SendTimeReplay, SendTimePredictor>)(replay => PlannedSendTime.Predictor(model, replay, ServedPreference.For(model, learned))));

    /// <summary>
    /// Scores the servable models on each of the last <see cref="ValidationFolds"/> stretches of <see cref="ValidationPeriod"/>
    /// in the training activity, each trained on everything before it, and picks the best mean: one month alone is noisy.
    /// </summary>
    private static (string Name, IReadOnlyDictionary<string, double> Scores) Choose(IReadOnlyList<TimedActivity> train, TimeZoneInfo accountZone)
    {
        var end = train.Max(activity => activity.At);
        var scores = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var fold = 1; fold <= ValidationFolds; fold++)
        {
            var start = end - (ValidationPeriod * fold);
            var early = train.Where(activity => activity.At < start).ToList();
            var validation = train.Where(activity => activity.At >= start && activity.At < start + ValidationPeriod).ToList();
            if (early.Count == 0 || validation.Count == 0)
            {
                continue;
            }

            var scored = PrequentialScoring.Score(SendTimeTrainingSet.Build(early, accountZone), validation, [.. Servable(LearnedSendTime.Fit(early, accountZone))]);
            foreach (var model in scored.GroupBy(score => score.Model, StringComparer.Ordinal))
            {
                (scores.TryGetValue(model.Key, out var list) ? list : scores[model.Key] = []).Add(model.Average(score => score.Share));
            }
        }

        var means = scores.ToDictionary(score => score.Key, score => score.Value.Average());
        if (!means.TryGetValue(Champion, out var championScore))
        {
            return (Champion, means);
        }

        // Champion and challenger, as everywhere in Tailor: another model serves only if it is ahead by the margin.
        var challenger = means.Where(score => score.Key != Champion).MaxBy(score => score.Value);
        return (challenger.Value > championScore * (1 + ChallengerMargin) ? challenger.Key : Champion, means);
    }
}
