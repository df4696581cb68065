using System.Globalization;
using System.Text.Json;
using Tailor.SendTime.Evaluation;
using Tailor.SendTime.Serving;

namespace Tailor.Host.Evaluation;

/// <summary>
/// <c>tailor eval send-time ...</c>: trains the send-time models on one file's activity times and scores them on
/// another's. Every line reaches SendTime's own fold as the service receives it (one activity per order line), so an
/// order counts as SendTime counts it: one occurrence. The test period is replayed day by day, its orders folded in as
/// the service folds them (<see cref="PrequentialScoring"/>). With <c>--months</c> it trains before each month's start
/// and tests on that month, and pools the months (the interval over customers). With <c>--save-model DIR</c> it writes the
/// model it chose (and the learned model's trees) where SendTime can serve them.
/// </summary>
public static class SendTimeEvalCommand
{
    public const string Usage = "eval send-time --train FILE --test FILE [--json] [--until YYYY-MM-DD] [--from YYYY-MM-DD] [--months YYYY-MM,YYYY-MM...] [--save-model DIR]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(progress);
        var (months, rest) = Months(args);
        var options = EvalRecommendOptions.Parse(rest, "eval send-time", Usage);
        if (options.Tune || !options.Content || options.Diversity is not null)
        {
            throw new ArgumentException($"eval send-time: --tune, --no-content and --diversity are options of eval recommend. Usage: tailor {Usage}");
        }

        if (months.Count > 0 && (options.Until is not null || options.From is not null || options.SaveModel is not null))
        {
            throw new ArgumentException($"eval send-time: --months sets each month's split itself; it takes no --until, --from or --save-model. Usage: tailor {Usage}");
        }

        if (options.SaveModel is { } target)
        {
            // Before the evaluation: a folder that cannot be made fails now, not after it.
            Directory.CreateDirectory(target);
        }

        var data = EvaluationData.Load(options, "eval send-time");
        if (months.Count > 0)
        {
            return RunMonths(data, months, options.Json, output, progress);
        }

        var train = Activity(data.Train, data.TrainFile);
        var test = Activity(data.Test, data.TestFile);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Training: {train.Count:N0} activities (order lines); test: {test.Count:N0}"));

        // Users without a country live by the clock the training file was written in, as an account's default zone.
        var report = SendTimeEvaluation.Run(train, test, data.TrainFile.Clock);
        progress.WriteLine(Choice(report));
        if (options.SaveModel is { } directory)
        {
            ServedModelChoice.Save(directory, report, DateTimeOffset.UtcNow);
            progress.WriteLine($"Saved the choice ({report.Served}) to {Path.Combine(directory, ServedModelChoice.FileName)}; SendTime serves it when started with Tailor__SendTime__ModelDirectory={directory}");
        }

        output.WriteLine(options.Json ? Json(report.Rows, split: null) : Table(report.Rows));
        return 0;
    }

    /// <summary>Each month: train on everything before its first day, test on the month; then every month's users pooled.</summary>
    private static int RunMonths(EvaluationData data, IReadOnlyList<DateTimeOffset> months, bool json, TextWriter output, TextWriter progress)
    {
        var scores = new List<UserHitRate>();
        var tables = new List<string>();
        var jsonRows = new List<Dictionary<string, object>>();
        foreach (var month in months)
        {
            var end = month.AddMonths(1);
            var train = Activity(data.Train.Where(interaction => interaction.At < month), data.TrainFile);
            var test = Activity(data.Test.Where(interaction => interaction.At >= month && interaction.At < end), data.TestFile);
            if (train.Count == 0 || test.Count == 0)
            {
                throw new ArgumentException($"eval send-time: --months {month:yyyy-MM} has no training activity before it or no test activity in it.");
            }

            var name = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: training {train.Count:N0} activities (order lines) before {month:yyyy-MM-dd}; test {test.Count:N0} in the month"));
            var report = SendTimeEvaluation.Run(train, test, data.TrainFile.Clock);
            progress.WriteLine($"{name}: {Choice(report)}");
            scores.AddRange(report.Scores ?? []);
            tables.Add($"{name}{Environment.NewLine}{Table(report.Rows)}");
            jsonRows.AddRange(JsonRows(report.Rows, name));
        }

        var pooled = SendTimeComparison.Rows(scores);
        var label = string.Join("+", months.Select(month => month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        tables.Add($"{label} (user-months pooled; interval over customers){Environment.NewLine}{Table(pooled)}");
        jsonRows.AddRange(JsonRows(pooled, label));
        output.WriteLine(json ? JsonSerializer.Serialize(jsonRows) : string.Join(Environment.NewLine + Environment.NewLine, tables));
        return 0;
    }

    // --months is this command's own; the rest are the options it shares with eval recommend.
    private static (IReadOnlyList<DateTimeOffset> Months, IReadOnlyList<string> Others) Months(IReadOnlyList<string> args)
    {
        var rest = new List<string>();
        var months = new List<DateTimeOffset>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] != "--months")
            {
                rest.Add(args[i]);
                continue;
            }

            var value = i + 1 < args.Count ? args[++i] : string.Empty;
            foreach (var month in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                months.Add(DateTimeOffset.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
                    ? start
                    : throw new ArgumentException($"eval send-time: --months '{month}' is not a month (YYYY-MM). Usage: tailor {Usage}"));
            }

            if (months.Count == 0)
            {
                throw new ArgumentException($"eval send-time: --months needs one or more months (YYYY-MM,YYYY-MM). Usage: tailor {Usage}");
            }
        }

        return (months.Distinct().Order().ToList(), rest);
    }

    // Every line, as the service receives it: SendTime's fold makes one occurrence of an order's lines.
    private static List<TimedActivity> Activity(IEnumerable<Recommendation.Scoring.Interaction> interactions, InteractionFile file) =>
        [.. interactions.Select(interaction => new TimedActivity(interaction.UserId, Instant(interaction.At, file.Clock), file.Countries.GetValueOrDefault(interaction.UserId)))];

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
        string.Join(Environment.NewLine, new[] { $"{"model",-15} {"segment",-15} {"hit rate ±1h",12} {"users",7} {"vs global",10} {"95% interval",18}" }
            .Concat(rows.Select(row => string.Create(CultureInfo.InvariantCulture, $"{row.Model,-15} {row.Segment,-15} {row.HitRate1h,12:F4} {row.Users,7} {row.VsGlobal,10:+0.0%;-0.0%;0.0%} {$"{row.VsGlobalLow:+0.0%;-0.0%;0.0%} … {row.VsGlobalHigh:+0.0%;-0.0%;0.0%}",18}"))));

    private static string Json(IReadOnlyList<SendTimeEvaluationRow> rows, string? split) => JsonSerializer.Serialize(JsonRows(rows, split));

    private static IEnumerable<Dictionary<string, object>> JsonRows(IReadOnlyList<SendTimeEvaluationRow> rows, string? split) =>
        rows.Select(row =>
        {
            var json = new Dictionary<string, object>
            {
                ["model"] = row.Model,
                ["hit_rate_1h"] = row.HitRate1h,
                ["users"] = row.Users,
                ["segment"] = row.Segment,
                ["vs_global"] = row.VsGlobal,
                ["vs_global_low"] = row.VsGlobalLow,
                ["vs_global_high"] = row.VsGlobalHigh,
            };
            if (split is not null)
            {
                json["split"] = split;
            }

            return json;
        });
}
