using Tailor.SendTime.Model;
using Tailor.SendTime.Serving;

namespace Tailor.SendTime.Evaluation;

/// <summary>
/// The offline evaluation behind <c>eval send-time</c>. The training activity is learned by SendTime's own code
/// (<see cref="SendTimeTrainingSet"/>: the same fold, occurrences and prior fit), and every model places one send per
/// test user and local day. A user is judged on their test occurrences (one per user and hour, as SendTime counts):
/// the share of them within ±1 hour of the send hour placed on that occurrence's local day, hours compared on the
/// clock face in the user's zone (23:00 is one hour from 00:00). The servable models are scored as served
/// (<see cref="PlannedSendTime"/>: the slice SendTime would write and the planner's greedy hour in it); the cost of
/// exploring is reported apart, as the expected score of the planner's Thompson draws (<see cref="ExploreName"/>).
/// Which model serves is decided without the test period: the candidates are trained on the training activity up to
/// <see cref="ValidationPeriod"/> before its end and scored on that stretch (and the one before, see Choose); the
/// champion (what SendTime serves) keeps serving unless a challenger is ahead by <see cref="ChallengerMargin"/>. The
/// model chosen is retrained on all of it and reported on the test period as <see cref="ServedName"/>.
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
        var occurrences = SendTimeTrainingSet.Occurrences(test);
        var scores = new List<UserHitRate>();
        foreach (var model in Models(set, learned))
        {
            scores.AddRange(Score(model, set, occurrences));
        }

        var served = ServedPreference.For(choice.Name, learned);
        scores.AddRange(Score(PlannedSendTime.Predictor(ServedName, set, served), set, occurrences));
        scores.AddRange(Enumerable.Range(0, ExploreDraws)
            .SelectMany(draw => Score(PlannedSendTime.Predictor(ExploreName, set, served, draw), set, occurrences))
            .GroupBy(score => score.UserId, StringComparer.Ordinal)
            .Select(user => user.First() with { Share = user.Average(score => score.Share) }));
        return new SendTimeEvaluationReport(SendTimeComparison.Rows(scores), choice.Name, choice.Scores, set.Priors.Strengths, learned, scores);
    }

    /// <summary>The prior strengths SendTime would fit on this training set (fitted as the set is learned).</summary>
    public static PriorStrengths FitStrengths(SendTimeTrainingSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Priors.Strengths;
    }

    /// <summary>The baselines, and each model SendTime can serve scored as served (greedy).</summary>
    private static IEnumerable<SendTimePredictor> Models(SendTimeTrainingSet set, LearnedHourModel? learned) =>
        new[] { SendTimeModels.Global(set), SendTimeModels.User(set) }.Concat(Servable(set, learned));

    private static IEnumerable<SendTimePredictor> Servable(SendTimeTrainingSet set, LearnedHourModel? learned) =>
        ServedModelChoice.Servable
            .Where(model => model != LearnedSendTime.Name || learned is not null)
            .Select(model => PlannedSendTime.Predictor(model, set, ServedPreference.For(model, learned)));

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
            var validation = SendTimeTrainingSet.Occurrences(train.Where(activity => activity.At >= start && activity.At < start + ValidationPeriod));
            if (early.Count == 0 || validation.Count == 0)
            {
                continue;
            }

            var set = SendTimeTrainingSet.Build(early, accountZone);
            foreach (var model in Servable(set, LearnedSendTime.Fit(early, accountZone)))
            {
                (scores.TryGetValue(model.Name, out var list) ? list : scores[model.Name] = []).Add(Score(model, set, validation).Average(score => score.Share));
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

    /// <summary>Each test user's share of occurrences within ±1 hour of the hour the model sends at on that occurrence's local day.</summary>
    private static IEnumerable<UserHitRate> Score(SendTimePredictor model, SendTimeTrainingSet set, IReadOnlyList<TimedActivity> occurrences) =>
        occurrences.GroupBy(activity => activity.UserId, StringComparer.Ordinal).Select(user =>
        {
            var share = user.Count(activity =>
            {
                var local = set.LocalHourOfWeek(user.Key, activity.At, activity.Country) % WeekHours.PerDay;
                return WeekHours.CircularDistance(local, model.HourFor(user.Key, activity.Country, activity.At), WeekHours.PerDay) <= 1;
            }) / (double)user.Count();
            return new UserHitRate(model.Name, user.Key, set.States.GetValueOrDefault(user.Key)?.Counts.Events ?? 0, share);
        });
}
