using Tailor.SendTime.Model;

namespace Tailor.SendTime.Evaluation;

/// <summary>
/// The offline evaluation behind <c>eval send-time</c>. Every model is trained on the training activity and predicts,
/// per test user and local weekday, one local hour; it is scored by the share of the user's test activity within ±1
/// hour of the hour it predicted for that activity's weekday (a model without weekdays predicts the same hour every
/// day). Hours are compared on the clock face, in the user's zone (23:00 is one hour from 00:00).
/// Which model serves is decided without the test period: the candidates are trained on the training activity up to
/// <see cref="ValidationPeriod"/> before its end and scored on that stretch (and the one before, see Choose); the
/// champion (what SendTime serves) keeps serving unless a challenger is ahead by <see cref="ChallengerMargin"/>. The model
/// chosen is retrained on all of it and reported on the test period as <see cref="ServedName"/>, next to every model
/// under its own name.
/// </summary>
public static class SendTimeEvaluation
{
    public const string ServedName = "served";
    public const int FewEvents = 3;
    public const int ValidationFolds = 2;

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
        var strengths = FitStrengths(set);
        var learned = LearnedSendTime.Fit(train, accountZone);
        var rows = new List<SendTimeEvaluationRow>();
        foreach (var model in Models(set, strengths, learned))
        {
            rows.AddRange(Score(model, set, test));
            if (model.Name == choice.Name)
            {
                rows.AddRange(Score(model with { Name = ServedName }, set, test));
            }
        }

        return new SendTimeEvaluationReport(rows, choice.Name, choice.Scores, strengths, learned);
    }

    /// <summary>The prior strengths SendTime would fit on this training set.</summary>
    public static PriorStrengths FitStrengths(SendTimeTrainingSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var users = set.Users.Select(user => ((IReadOnlyList<double>)user.Value, (IReadOnlyList<double>?)set.CohortCounts(user.Key))).ToList();
        return HierarchyFit.Fit(users, [.. set.Cohorts.Values], set.Population, PriorStrengths.Defaults);
    }

    private static IEnumerable<SendTimePredictor> Models(SendTimeTrainingSet set, PriorStrengths strengths, LearnedHourModel? learned) =>
        new[]
        {
            SendTimeModels.Global(set),
            SendTimeModels.User(set),
            SendTimeModels.Day(set, strengths),
            SendTimeModels.Week(set, strengths),
            learned is null ? null : LearnedSendTime.Predictor(learned, set, strengths),
        }.OfType<SendTimePredictor>();

    /// <summary>
    /// Scores the candidates on each of the last <see cref="ValidationFolds"/> stretches of <see cref="ValidationPeriod"/>
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

            var set = SendTimeTrainingSet.Build(early, accountZone);
            foreach (var model in Models(set, FitStrengths(set), LearnedSendTime.Fit(early, accountZone)).Where(model => model.Name is not (SendTimeModels.GlobalHour or SendTimeModels.UserHour)))
            {
                (scores.TryGetValue(model.Name, out var list) ? list : scores[model.Name] = []).Add(Score(model, set, validation)[0].HitRate1h);
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

    private static SendTimeEvaluationRow[] Score(SendTimePredictor model, SendTimeTrainingSet set, IReadOnlyList<TimedActivity> test)
    {
        var hits = test.GroupBy(activity => activity.UserId, StringComparer.Ordinal).Select(user =>
        {
            var share = user.Count(activity =>
            {
                var local = set.LocalHourOfWeek(user.Key, activity.At, activity.Country);
                var predicted = model.HourFor(user.Key, activity.Country, local / WeekHours.PerDay);
                return WeekHours.CircularDistance(local % WeekHours.PerDay, predicted, WeekHours.PerDay) <= 1;
            }) / (double)user.Count();
            var trainingEvents = set.Users.TryGetValue(user.Key, out var counts) ? counts.Sum() : 0;
            return (Few: trainingEvents < FewEvents, Share: share);
        }).ToList();
        var few = hits.Where(hit => hit.Few).ToList();
        return
        [
            new SendTimeEvaluationRow(model.Name, "all", hits.Average(hit => hit.Share), hits.Count),
            new SendTimeEvaluationRow(model.Name, "under_3_events", few.Count == 0 ? 0 : few.Average(hit => hit.Share), few.Count),
        ];
    }
}
