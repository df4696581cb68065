using Tailor.Recommendation.Catalog;

namespace Tailor.Recommendation.Evaluation;

/// <summary>What <see cref="RecommendationEvaluation.Run"/> found: a row per model and protocol, and the blend it would serve.</summary>
public sealed record EvaluationReport(IReadOnlyList<EvaluationRow> Rows, BlendScorer Served, int TrainUsers, int TrainItems, int TrainInteractions);

/// <summary>
/// The offline evaluation behind <c>eval recommend</c>: on the last <c>ValidationDays</c> of the training data (models
/// trained on what came before), optionally tune the hyperparameters (<see cref="HyperparameterSearch"/>) and fit the
/// blend's weights; then train every model on all of it, and score each, and the blend Tailor would serve, on the test
/// data under both protocols. Given the items' titles, the served blend keeps one variant of each product, as it does
/// when it serves (<see cref="ProductFamilies"/>).
/// </summary>
public static class RecommendationEvaluation
{
    public const string ServedName = "served";

    public static EvaluationReport Run(
        IReadOnlyList<Interaction> train,
        IReadOnlyList<Interaction> test,
        IReadOnlyDictionary<string, float[]>? itemVectors,
        EvaluationSettings settings,
        TextWriter progress,
        CancellationToken cancellationToken = default,
        bool tune = false,
        IReadOnlyDictionary<string, string>? itemTitles = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        if (test.Count == 0)
        {
            throw new ArgumentException("The test file holds no interactions.", nameof(test));
        }

        var end = train.Max(interaction => interaction.At);
        var cut = end - TimeSpan.FromDays(settings.ValidationDays);
        var before = train.Where(interaction => interaction.At < cut).ToList();
        var validation = train.Where(interaction => interaction.At >= cut).ToList();
        if (before.Count == 0 || validation.Count == 0)
        {
            throw new ArgumentException(
                $"The training file must span more than the {settings.ValidationDays} validation days its blend weights are fitted on.", nameof(train));
        }

        var validationSet = TrainingSet.From(before);
        if (tune)
        {
            progress.WriteLine($"Tuning hyperparameters: models trained on {before.Count:N0} interactions before {cut:yyyy-MM-dd}, validated on {validation.Count:N0} after");
            (settings, _) = HyperparameterSearch.Tune(validationSet, validation, settings, progress, cancellationToken);
            progress.WriteLine($"Chosen: {settings}");
        }

        progress.WriteLine($"Fitting blend weights: models trained on {before.Count:N0} interactions before {cut:yyyy-MM-dd}, validated on {validation.Count:N0} after");
        var validationModels = RecommenderSuite.Train(validationSet, itemVectors, settings, cancellationToken);
        var weights = BlendWeights.Fit(validationSet, validation, validationModels);
        if (tune)
        {
            // Diversity is a business rule, not a knob for accuracy: its cost on the validation split is shown, not chosen.
            ShowDiversityCost(validationSet, validation, validationModels, weights, Families(validationSet, itemTitles), progress);
        }

        progress.WriteLine($"Training every model on {train.Count:N0} interactions");
        var set = TrainingSet.From(train);
        var models = RecommenderSuite.Train(set, itemVectors, settings, cancellationToken);
        var served = new BlendScorer(set, models, weights, settings.Diversity, Families(set, itemTitles));

        var rows = new List<EvaluationRow>();
        foreach (var protocol in Enum.GetValues<EvaluationProtocol>())
        {
            var targets = TestTargets.For(set, test, protocol);
            foreach (var model in models)
            {
                rows.Add(OfflineEvaluation.Evaluate(set, model, targets, protocol));
            }

            rows.Add(OfflineEvaluation.Evaluate(set, served, targets, protocol, ServedName));
            progress.WriteLine($"Scored {targets.Count:N0} test users under protocol {protocol.ToString().ToLowerInvariant()}");
        }

        return new EvaluationReport(rows, served, set.Users.Count, set.Items.Count, set.InteractionCount);
    }

    /// <summary>The blend's validation NDCG@10 (summed over both protocols) at several values of MMR's λ.</summary>
    private static void ShowDiversityCost(
        TrainingSet validationSet,
        IReadOnlyList<Interaction> validation,
        IReadOnlyList<IItemScorer> models,
        Dictionary<UserSegment, double[]> weights,
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
