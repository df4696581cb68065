using Tailor.SendTime.Serving;

namespace Tailor.SendTime.Evaluation;

/// <summary>
/// Turns per-user scores into the evaluation's rows: each model's mean per segment, and its gain over the global hour
/// with a 95% interval from a paired bootstrap over customers (a customer drawn brings all their rows, every model's and
/// every month's, so the interval reflects which customers happened to be tested, not the months' rows as independent).
/// </summary>
public static class SendTimeComparison
{
    public const string All = "all";
    public const string NoHistory = "no_history";
    public const string UnderThreeEvents = "under_3_events";
    public const int Resamples = 2_000;
    public const int Seed = 1;

    public static IReadOnlyList<SendTimeEvaluationRow> Rows(IReadOnlyList<UserHitRate> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var segments = new (string Name, Func<UserHitRate, bool> Includes)[]
        {
            (All, _ => true),
            (NoHistory, score => score.TrainingEvents == 0),
            (UnderThreeEvents, score => score.TrainingEvents < SendTimeEvaluation.FewEvents),
        };
        var models = scores.Select(score => score.Model).Distinct(StringComparer.Ordinal).ToList();
        return [.. segments.SelectMany(segment => Segment(segment.Name, [.. scores.Where(segment.Includes)], models))];
    }

    private static IEnumerable<SendTimeEvaluationRow> Segment(string segment, List<UserHitRate> scores, List<string> models)
    {
        var customers = scores.Select(score => score.UserId).Distinct(StringComparer.Ordinal).ToList();
        var customerIndex = customers.Select((customer, index) => (customer, index)).ToDictionary(pair => pair.customer, pair => pair.index, StringComparer.Ordinal);
        var modelIndex = models.Select((model, index) => (model, index)).ToDictionary(pair => pair.model, pair => pair.index, StringComparer.Ordinal);

        // Each customer's sum of shares per model, and how many rows (user-months) they have.
        var sums = new double[customers.Count, models.Count];
        var rows = new int[customers.Count];
        foreach (var score in scores)
        {
            sums[customerIndex[score.UserId], modelIndex[score.Model]] += score.Share;
        }

        foreach (var score in scores.Where(score => score.Model == models[0]))
        {
            rows[customerIndex[score.UserId]]++;
        }

        var global = modelIndex.GetValueOrDefault(SendTimeModels.GlobalHour, -1);
        var gains = Bootstrap(sums, customers.Count, models.Count, global);
        var units = rows.Sum();
        for (var model = 0; model < models.Count; model++)
        {
            var total = Column(sums, model, customers.Count);
            var mean = units == 0 ? 0 : total / units;
            if (global < 0 || units == 0)
            {
                yield return new SendTimeEvaluationRow(models[model], segment, mean, units);
                continue;
            }

            var globalTotal = Column(sums, global, customers.Count);
            var vsGlobal = globalTotal > 0 ? (total / globalTotal) - 1 : 0;
            var sorted = gains[model].Order().ToList();
            yield return new SendTimeEvaluationRow(
                models[model], segment, mean, units, vsGlobal, Percentile(sorted, 0.025), Percentile(sorted, 0.975));
        }
    }

    // Each model's gain over the global hour in each resample of the customers, drawn with replacement (seeded).
    private static List<double>[] Bootstrap(double[,] sums, int customers, int models, int global)
    {
        var gains = Enumerable.Range(0, models).Select(_ => new List<double>(Resamples)).ToArray();
        if (global < 0 || customers == 0)
        {
            return gains;
        }

        var random = new Random(Seed);
        var totals = new double[models];
        for (var resample = 0; resample < Resamples; resample++)
        {
            Array.Clear(totals);
            for (var draw = 0; draw < customers; draw++)
            {
                var customer = random.Next(customers);
                for (var model = 0; model < models; model++)
                {
                    totals[model] += sums[customer, model];
                }
            }

            for (var model = 0; model < models; model++)
            {
                gains[model].Add(totals[global] > 0 ? (totals[model] / totals[global]) - 1 : 0);
            }
        }

        return gains;
    }

    private static double Column(double[,] sums, int model, int customers)
    {
        var total = 0.0;
        for (var customer = 0; customer < customers; customer++)
        {
            total += sums[customer, model];
        }

        return total;
    }

    private static double Percentile(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : sorted[(int)Math.Clamp(Math.Round(quantile * (sorted.Count - 1)), 0, sorted.Count - 1)];
}
