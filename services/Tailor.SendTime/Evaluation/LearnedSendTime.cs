using Microsoft.ML;
using Microsoft.ML.Data;
using Tailor.SendTime.Model;

namespace Tailor.SendTime.Evaluation;

/// <summary>
/// The learned alternative: gradient-boosted regression trees (ML.NET FastTree) that score each hour of a weekday for
/// a user from features of their history (their own shares, the hierarchy's posterior, the population's, how much
/// evidence there is, the hour and weekday), trained to predict the share of the user's later activity that falls
/// within ±1 hour, which is exactly what the evaluation rewards. The hour with the highest score is the prediction.
/// Features come from the training activity before the last <see cref="LabelPeriod"/>, labels from that period.
/// </summary>
public static class LearnedSendTime
{
    public const string Name = "gbt";
    public static readonly TimeSpan LabelPeriod = TimeSpan.FromDays(60);

    /// <summary>Trains on <paramref name="train"/> and returns a predictor reading features from <paramref name="serving"/>, or null when there is too little history.</summary>
    public static SendTimePredictor? Train(IReadOnlyList<TimedActivity> train, SendTimeTrainingSet serving, PriorStrengths servingStrengths, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(serving);
        var cut = train.Max(activity => activity.At) - LabelPeriod;
        var history = train.Where(activity => activity.At < cut).ToList();
        var later = train.Where(activity => activity.At >= cut).ToList();
        if (history.Count == 0 || later.Count == 0)
        {
            return null;
        }

        var historySet = SendTimeTrainingSet.Build(history, serving.AccountZone);
        var historyFeatures = new HourFeatures(historySet, SendTimeEvaluation.FitStrengths(historySet));
        var rows = new List<HourRow>();
        foreach (var user in later.GroupBy(activity => activity.UserId, StringComparer.Ordinal))
        {
            var country = user.First().Country;
            var hours = user.Select(activity => historySet.LocalHourOfWeek(user.Key, activity.At, activity.Country)).ToList();
            foreach (var weekday in hours.GroupBy(hour => hour / WeekHours.PerDay))
            {
                for (var hour = 0; hour < WeekHours.PerDay; hour++)
                {
                    var row = historyFeatures.Row(user.Key, country, weekday.Key, hour);
                    row.Label = weekday.Count(at => WeekHours.CircularDistance(at % WeekHours.PerDay, hour, WeekHours.PerDay) <= 1) / (float)weekday.Count();
                    rows.Add(row);
                }
            }
        }

        var ml = new MLContext(seed);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(HourRow.Values))
            .Append(ml.Regression.Trainers.FastTree(labelColumnName: nameof(HourRow.Label), numberOfLeaves: 16, numberOfTrees: 100, minimumExampleCountPerLeaf: 20, learningRate: 0.1));
        var model = pipeline.Fit(ml.Data.LoadFromEnumerable(rows));
        var engine = ml.Model.CreatePredictionEngine<HourRow, HourScore>(model);
        var servingFeatures = new HourFeatures(serving, servingStrengths);
        var predictions = new Dictionary<(string, int), int>();
        return new SendTimePredictor(Name, true, (user, country, weekday) =>
        {
            if (!predictions.TryGetValue((user, weekday), out var best))
            {
                var scores = Enumerable.Range(0, WeekHours.PerDay).Select(hour => engine.Predict(servingFeatures.Row(user, country, weekday, hour)).Score).ToList();
                best = scores.IndexOf(scores.Max());
                predictions[(user, weekday)] = best;
            }

            return best;
        });
    }

    /// <summary>One candidate hour for one user on one weekday: the features and, in training, the share of later activity it catches.</summary>
    public sealed class HourRow
    {
        [VectorType(HourFeatures.Count)]
        public float[] Values { get; set; } = [];

        public float Label { get; set; }
    }

    public sealed class HourScore
    {
        public float Score { get; set; }
    }
}
