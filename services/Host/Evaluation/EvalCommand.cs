using System.Diagnostics;
using System.Globalization;
using Tailor.Recommendation.Evaluation;
using Tailor.Recommendation.Scoring;

namespace Tailor.Host.Evaluation;

/// <summary><c>tailor eval recommend ...</c>: trains every recommender on one file and reports on another.</summary>
public static class EvalCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args is ["send-time", ..])
        {
            return SendTimeEvalCommand.Run([.. args.Skip(1)], output, progress);
        }

        if (args is not ["recommend", ..])
        {
            throw new ArgumentException(
                $"eval: unknown evaluation '{(args.Count > 0 ? args[0] : string.Empty)}'. Usage: tailor {EvalRecommendOptions.Usage}, or tailor {SendTimeEvalCommand.Usage}");
        }

        var options = EvalRecommendOptions.Parse([.. args.Skip(1)]);
        if (options.SaveModel is not null)
        {
            throw new ArgumentException($"eval recommend: --save-model is an option of eval send-time. Usage: tailor {EvalRecommendOptions.Usage}");
        }

        var clock = Stopwatch.StartNew();
        var data = EvaluationData.Load(options, "eval recommend");
        var (trainInteractions, testInteractions) = (data.Train, data.Test);

        progress.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Split {options.Split ?? EvaluationSplit.Time}{(options.Split?.Kind is SplitKind.Random ? $" (seed {options.Seed})" : string.Empty)}. Training: {trainInteractions.Count:N0} interactions ({trainInteractions.Min(i => i.At):yyyy-MM-dd} to {trainInteractions.Max(i => i.At):yyyy-MM-dd}); test: {testInteractions.Count:N0}"));

        var trainItems = trainInteractions.Select(interaction => interaction.ItemId).ToHashSet(StringComparer.Ordinal);
        var titles = data.TrainFile.Titles.Where(title => trainItems.Contains(title.Key)).ToDictionary(title => title.Key, title => title.Value, StringComparer.Ordinal);
        var vectors = options.Content && titles.Count > 0 ? ItemTitleVectors.Embed(titles, progress) : null;
        if (vectors is null)
        {
            progress.WriteLine(options.Content ? "No item titles in the training file: the content model is left out." : "--no-content: the content model is left out.");
        }

        var settings = options.Diversity is { } lambda ? new EvaluationSettings { Diversity = lambda } : new EvaluationSettings();
        var report = RecommendationEvaluation.Run(trainInteractions, testInteractions, vectors, settings, progress, tune: options.Tune, itemTitles: titles);
        progress.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Done in {clock.Elapsed.TotalSeconds:F1} s: {report.TrainUsers:N0} users x {report.TrainItems:N0} items. Served {report.Choice.Model} weights ({string.Join(", ", report.Served.Components.Select(c => c.Name))}):"));
        foreach (var (segment, weights) in report.Served.Weights.OrderBy(entry => entry.Key))
        {
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {segment.ToString().ToLowerInvariant(),-6} {string.Join(", ", weights.Select(w => w.ToString("0.##", CultureInfo.InvariantCulture)))}"));
        }

        var email = EmailEvaluation.Run(report, trainInteractions, testInteractions, titles, data.TrainFile.Prices ?? new Dictionary<string, decimal>());
        progress.WriteLine(email is null
            ? "The training file holds items the service would not recommend (postage, fees, zero prices): the email rows are left out."
            : "Email rows: the service's lists for each test user, as ContentGeneration shows them (both sections, the shipped TopN and MaxItems; and at 10).");
        output.WriteLine(options.Json ? EvaluationOutput.Json(report.Rows, email) : EvaluationOutput.Table(report.Rows, email));
        return 0;
    }
}
