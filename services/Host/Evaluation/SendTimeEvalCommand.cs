using System.Globalization;
using System.Text.Json;
using Tailor.SendTime;
using Tailor.SendTime.Evaluation;
using Tailor.SendTime.Serving;

namespace Tailor.Host.Evaluation;

/// <summary>
/// <c>tailor eval send-time ...</c>: trains the send-time models on one file's activity times and scores them on
/// another's. An order of many lines is one activity: lines of one user at one time count once. With
/// <c>--save-model DIR</c> it writes the model it chose (and the learned model's trees) where SendTime can serve them.
/// </summary>
public static class SendTimeEvalCommand
{
    public const string Usage = "eval send-time --train FILE --test FILE [--json] [--until YYYY-MM-DD] [--from YYYY-MM-DD] [--save-model DIR]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(progress);
        var options = EvalRecommendOptions.Parse(args, "eval send-time", Usage);
        if (options.Tune || !options.Content || options.Diversity is not null)
        {
            throw new ArgumentException($"eval send-time: --tune, --no-content and --diversity are options of eval recommend. Usage: tailor {Usage}");
        }

        if (options.SaveModel is { } target)
        {
            // Before the evaluation: a folder that cannot be made fails now, not after it.
            Directory.CreateDirectory(target);
        }

        var data = EvaluationData.Load(options, "eval send-time");
        var train = Activity(data.Train, data.TrainFile);
        var test = Activity(data.Test, data.TestFile);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Training: {train.Count:N0} activity times (orders); test: {test.Count:N0}"));

        // Users without a country live by the clock the training file was written in, as an account's default zone.
        var report = SendTimeEvaluation.Run(train, test, data.TrainFile.Clock);
        progress.WriteLine(Choice(report));
        if (options.SaveModel is { } directory)
        {
            ServedModelChoice.Save(directory, report, DateTimeOffset.UtcNow);
            progress.WriteLine($"Saved the choice ({report.Served}) to {Path.Combine(directory, ServedModelChoice.FileName)}; SendTime serves it when started with Tailor__SendTime__ModelDirectory={directory}");
        }

        output.WriteLine(options.Json ? Json(report.Rows) : Table(report.Rows));
        return 0;
    }

    private static List<TimedActivity> Activity(IEnumerable<Recommendation.Evaluation.Interaction> interactions, InteractionFile file) =>
        [.. interactions.Select(interaction => new TimedActivity(interaction.UserId, Instant(interaction.At, file.Clock), file.Countries.GetValueOrDefault(interaction.UserId))).Distinct()];

    // A file written on a local wall clock holds times labelled UTC that are really local: read them in that zone.
    // A time that the clock skipped (the spring-forward hour) is taken an hour later.
    private static DateTimeOffset Instant(DateTimeOffset written, TimeZoneInfo clock)
    {
        if (clock == TimeZoneInfo.Utc)
        {
            return written;
        }

        var wallClock = DateTime.SpecifyKind(written.DateTime, DateTimeKind.Unspecified);
        if (clock.IsInvalidTime(wallClock))
        {
            wallClock = wallClock.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wallClock, clock), TimeSpan.Zero);
    }

    private static string Choice(SendTimeEvaluationReport report) => string.Create(
        CultureInfo.InvariantCulture,
        $"Served: {report.Served} (mean hit rate on the last {SendTimeEvaluation.ValidationFolds} stretches of {SendTimeEvaluation.ValidationPeriod.TotalDays:N0} days of training: {string.Join(", ", report.ValidationScores.Select(score => $"{score.Key} {score.Value:F4}"))}); prior strengths fitted on training: cohort {report.Strengths.Cohort:F2}, day {report.Strengths.Day:F2}, week {report.Strengths.Week:F2}");

    private static string Table(IReadOnlyList<SendTimeEvaluationRow> rows) =>
        string.Join(Environment.NewLine, new[] { $"{"model",-15} {"segment",-15} {"hit rate ±1h",12} {"users",7}" }
            .Concat(rows.Select(row => string.Create(CultureInfo.InvariantCulture, $"{row.Model,-15} {row.Segment,-15} {row.HitRate1h,12:F4} {row.Users,7}"))));

    private static string Json(IReadOnlyList<SendTimeEvaluationRow> rows) =>
        JsonSerializer.Serialize(rows.Select(row => new Dictionary<string, object>
        {
            ["model"] = row.Model,
            ["hit_rate_1h"] = row.HitRate1h,
            ["users"] = row.Users,
            ["segment"] = row.Segment,
        }));
}
