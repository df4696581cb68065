using Tailor.Recommendation.Catalog;
using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Evaluation;

/// <summary>What <see cref="RecommendationEvaluation.Run"/> found: a row per model and protocol, and the blend it would serve.</summary>
/// <param name="Settings">The settings the models were trained with (as tuned, with <c>--tune</c>).</param>
public sealed record EvaluationReport(
    IReadOnlyList<EvaluationRow> Rows, BlendScorer Served, ServedChoice Choice, int TrainUsers, int TrainItems, int TrainInteractions, EvaluationSettings Settings);

/// <summary>
/// The offline evaluation behind <c>eval recommend</c>: on the <see cref="ValidationWindow"/> at the end of the training
/// data (models trained on what came before), optionally tune the hyperparameters (<see cref="HyperparameterSearch"/>)
/// and choose what to serve (<see cref="ServedSelection"/>, as the service chooses it); then train every model on all of
/// it, and score each, and what Tailor would serve, on the test data under both protocols. Given the items' titles, the served blend keeps one variant of each product, as it does
/// when it serves (<see cref="ProductFamilies"/>).
/// </summary>
public static class RecommendationEvaluation
{
    public const string ServedName = "served";

    /// <param name="excludeTaken">The service's <c>ExcludePurchased</c>: null (its default) chooses on validation.</param>
    public static EvaluationReport Run(
        IReadOnlyList<Interaction> train,
        IReadOnlyList<Interaction> test,
        IReadOnlyDictionary<string, float[]>? itemVectors,
        EvaluationSettings settings,
        TextWriter progress,
        CancellationToken cancellationToken = default,
        bool tune = false,
        IReadOnlyDictionary<string, string>? itemTitles = null,
        bool? excludeTaken = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        if (test.Count == 0)
        {
            throw new ArgumentException("The test file holds no interactions.", nameof(test));
        }

        var window = ValidationWindow.Of(train, settings.ValidationDays) ?? throw new ArgumentException(
            $"The training file must span more than the {settings.ValidationDays} validation days its blend weights are fitted on.", nameof(train));
        var (before, validation, cut) = (window.Before, window.Validation, window.From);
        if (tune)
        {
            progress.WriteLine($"Tuning hyperparameters: models trained on {before.Count:N0} interactions before {cut:yyyy-MM-dd}, validated on {validation.Count:N0} after");
            (settings, _) = HyperparameterSearch.Tune(TrainingSet.From(before), validation, settings, progress, cancellationToken);
            progress.WriteLine($"Chosen: {settings}");
        }

        progress.WriteLine($"Training every model on {train.Count:N0} interactions");
        var set = TrainingSet.From(train);
        var models = RecommenderSuite.Train(set, itemVectors, settings, cancellationToken);

        progress.WriteLine($"Choosing what to serve: models trained on {before.Count:N0} interactions before {cut:yyyy-MM-dd}, validated on {validation.Count:N0} after ({window.Known:N0} users with a history)");
        var choice = ServedSelection.Choose(window, models, itemVectors, settings, validationSet => Families(validationSet, itemTitles), excludeTaken, cancellationToken);
        progress.WriteLine($"Served: {choice.Reason}; lists {(choice.ExcludeTaken ? "leave out" : "keep")} what the user took before");
        if (tune)
        {
            // Diversity is a business rule, not a knob for accuracy: its cost on the validation split is shown, not chosen.
            var validationSet = TrainingSet.From(before);
            ShowDiversityCost(validationSet, validation, RecommenderSuite.Train(validationSet, itemVectors, settings, cancellationToken), choice.Weights, Families(validationSet, itemTitles), progress);
        }

        var served = new BlendScorer(set, models, choice.Weights, settings.Diversity, Families(set, itemTitles));
        var rows = new List<EvaluationRow>();
        foreach (var protocol in Enum.GetValues<EvaluationProtocol>())
        {
            var targets = TestTargets.For(set, test, protocol);
            foreach (var model in models)
            {
                rows.Add(OfflineEvaluation.Evaluate(set, model, targets, protocol));
            }

            // Scored as served: under `all`, what the user took before is left out when the service leaves it out.
            var servedTargets = protocol is EvaluationProtocol.All && choice.ExcludeTaken ? TestTargets.ExcludingTaken(set, targets) : targets;
            rows.Add(OfflineEvaluation.Evaluate(set, served, servedTargets, protocol, ServedName));
            progress.WriteLine($"Scored {targets.Count:N0} test users under protocol {protocol.ToString().ToLowerInvariant()}");
        }

        return new EvaluationReport(rows, served, choice, set.Users.Count, set.Items.Count, set.InteractionCount, settings);
    }

    /// <summary>The blend's validation NDCG@10 (summed over both protocols) at several values of MMR's λ.</summary>
    private static void ShowDiversityCost(
        TrainingSet validationSet,
        IReadOnlyList<Interaction> validation,
        IReadOnlyList<IItemScorer> models,
        IReadOnlyDictionary<UserSegment, double[]> weights,
        ProductFamilies? variants,
        TextWriter progress)
    {
        var targets = Enum.GetValues<EvaluationProtocol>().Select(protocol => (protocol, TestTargets.For(validationSet, validation, protocol))).ToList();
        foreach (var lambda in new[] { 1.0, 0.9, 0.8, 0.7, 0.5 })
        {
            var blend = new BlendScorer(validationSet, models, weights, lambda, variants);
            var score = targets.Sum(target => OfflineEvaluation.Evaluate(validationSet, blend, target.Item2, target.protocol).NdcgAt10);
            progress.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  blend diversity lambda = {lambda}: validation NDCG@10 (all + new) {score:F4}"));
        }
    }

    private static ProductFamilies? Families(TrainingSet set, IReadOnlyDictionary<string, string>? titles) =>
        titles is null ? null : new ProductFamilies([.. set.Items.Select(item => titles.GetValueOrDefault(item))]);
}
