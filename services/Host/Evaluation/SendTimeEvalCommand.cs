using System.Globalization;
using System.Text.Json;
using Tailor.SendTime;
using Tailor.SendTime.Evaluation;

namespace Tailor.Host.Evaluation;

/// <summary>
/// <c>tailor eval send-time ...</c>: trains the send-time models on one file's activity times and scores them on
/// another's. An order of many lines is one activity: lines of one user at one time count once.
/// </summary>
public static class SendTimeEvalCommand
{
    public const string Usage = "eval send-time --train FILE --test FILE [--json] [--until YYYY-MM-DD] [--from YYYY-MM-DD]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(progress);
        var options = EvalRecommendOptions.Parse(args);
        if (options.Tune || !options.Content || options.Diversity is not null)
        {
            throw new ArgumentException($"eval send-time: --tune, --no-content and --diversity are options of eval recommend. Usage: tailor {Usage}");
        }

        var data = EvaluationData.Load(options, "eval send-time");
        var train = Activity(data.Train);
        var test = Activity(data.Test);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Training: {train.Count:N0} activity times (orders); test: {test.Count:N0}"));

        var rows = SendTimeEvaluation.Run(train, test, new SendTimeOptions().PriorStrength);
        output.WriteLine(options.Json ? Json(rows) : Table(rows));
        return 0;
    }

    private static List<TimedActivity> Activity(IEnumerable<Recommendation.Evaluation.Interaction> interactions) =>
        [.. interactions.Select(interaction => new TimedActivity(interaction.UserId, interaction.At)).Distinct()];

    private static string Table(IReadOnlyList<SendTimeEvaluationRow> rows) =>
        string.Join(Environment.NewLine, new[] { $"{"model",-12} {"segment",-15} {"hit rate ±1h",12} {"users",7}" }
            .Concat(rows.Select(row => string.Create(CultureInfo.InvariantCulture, $"{row.Model,-12} {row.Segment,-15} {row.HitRate1h,12:F4} {row.Users,7}"))));

    private static string Json(IReadOnlyList<SendTimeEvaluationRow> rows) =>
        JsonSerializer.Serialize(rows.Select(row => new Dictionary<string, object>
        {
            ["model"] = row.Model,
            ["hit_rate_1h"] = row.HitRate1h,
            ["users"] = row.Users,
            ["segment"] = row.Segment,
        }));
}
