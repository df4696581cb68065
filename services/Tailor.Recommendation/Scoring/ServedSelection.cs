using System.Globalization;
using Tailor.Recommendation.Catalog;
using Tailor.Recommendation.Evaluation;

namespace Tailor.Recommendation.Scoring;

/// <summary>
/// Chooses what is served, the same way in the service (<see cref="Ranking.RecommenderBuilder"/>) and in
/// <c>eval recommend</c>'s <c>served</c> row, on the <see cref="ValidationWindow"/> only (never a test period), with the
/// models trained on the data before it and lists ranked as they are served (diversity, one variant per product):
/// <list type="number">
/// <item>The validation users are halved (every other one, in id order). The blend's weights are fitted on one half
/// (<see cref="BlendWeights"/>); on the other, the blend and each single model are scored (NDCG@10, all + new).</item>
/// <item>The blend is served only when it beats the best single model there by <see cref="MinBlendGain"/> and that half
/// holds at least half of <see cref="ValidationWindow.MinKnownUsers"/> users with a history; its weights are then
/// refitted on every validation user. Otherwise the single model best on every validation user is served alone
/// (users without a history get popularity, as with the blend).</item>
/// <item>Unless the settings fix it, whether lists leave out what the user took before is chosen with it: the
/// candidate scores best on the <c>all</c> protocol with or without them (a shop whose customers re-order wants them
/// in; a shop of things taken once does not).</item>
/// </list>
/// With no validation window (data not longer than <c>ValidationDays</c>), the weights found on the shared data are
/// served (<see cref="BlendWeights.Defaults"/>).
/// </summary>
public static class ServedSelection
{
    /// <summary>A blend must beat the best single model by this share on the users it was not fitted on.</summary>
    public const double MinBlendGain = 0.02;

    /// <param name="components">The models that will serve (trained on all the data), in <see cref="RecommenderSuite"/>'s order.</param>
    /// <param name="families">The product families of a training set's items, for ranking as served; null keeps every variant.</param>
    /// <param name="excludeTaken">Fixed by the settings, or null to choose it on validation.</param>
    public static ServedChoice Choose(
        ValidationWindow? window,
        IReadOnlyList<IItemScorer> components,
        IReadOnlyDictionary<string, float[]>? itemVectors,
        EvaluationSettings settings,
        Func<TrainingSet, ProductFamilies?> families,
        bool? excludeTaken,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(families);
        if (window is null)
        {
            return new ServedChoice(
                BlendWeights.Defaults(components), ServedChoice.Defaults, excludeTaken ?? false,
                "the data is not longer than its validation period: the blend weights found on the shared data", new Dictionary<string, double>(), null);
        }

        var set = TrainingSet.From(window.Before);
        var models = RecommenderSuite.Train(set, itemVectors, settings, cancellationToken);
        var variants = families(set);
        var users = window.Validation.Select(interaction => interaction.UserId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var checkUsers = users.Where((_, index) => index % 2 == 1).ToHashSet(StringComparer.Ordinal);
        var fitPart = window.Validation.Where(interaction => !checkUsers.Contains(interaction.UserId)).ToList();
        var checkPart = window.Validation.Where(interaction => checkUsers.Contains(interaction.UserId)).ToList();
        var checkKnown = checkUsers.Count(user => set.UserIndex.ContainsKey(user));
        var check = new ValidationTargets(set, checkPart);
        var every = new ValidationTargets(set, window.Validation);
        double Score(ValidationTargets targets, IReadOnlyDictionary<UserSegment, double[]> weights, bool exclude) =>
            targets.Score(new BlendScorer(set, models, weights, settings.Diversity, variants), exclude);

        var exclusions = excludeTaken is { } fixedExclusion ? [fixedExclusion] : new[] { false, true };
        var singles = (
            from c in Enumerable.Range(0, models.Count)
            from exclude in exclusions
            let weights = SingleModel(models, c)
            select (Name: models[c].Name, Weights: weights, Exclude: exclude, Every: Score(every, weights, exclude), Check: Score(check, weights, exclude))).ToList();
        var blends = exclusions
            .Select(exclude => (Exclude: exclude, Check: Score(check, BlendWeights.Fit(set, fitPart, models, excludeTaken: exclude), exclude)))
            .ToList();
        var bestSingle = singles.MaxBy(single => single.Every);
        var bestSingleOnCheck = singles.Max(single => single.Check);
        var bestBlend = blends.MaxBy(blend => blend.Check);
        var scores = singles.Where(single => single.Exclude == bestBlend.Exclude).ToDictionary(single => single.Name, single => single.Check);
        scores[ServedChoice.Blend] = bestBlend.Check;
        var shown = string.Create(CultureInfo.InvariantCulture, $"blend {bestBlend.Check:F4} against the best single model's {bestSingleOnCheck:F4} on {checkUsers.Count:N0} validation users it was not fitted on");
        if (checkKnown >= ValidationWindow.MinKnownUsers / 2 && bestBlend.Check >= (1 + MinBlendGain) * bestSingleOnCheck)
        {
            var weights = BlendWeights.Fit(set, window.Validation, models, excludeTaken: bestBlend.Exclude);
            return new ServedChoice(weights, ServedChoice.Blend, bestBlend.Exclude, $"the blend: {shown}", scores, window);
        }

        var why = checkKnown < ValidationWindow.MinKnownUsers / 2
            ? $"only {checkKnown} of those users had a history, too few to trust a blend"
            : string.Create(CultureInfo.InvariantCulture, $"not {MinBlendGain:P0} better");
        return new ServedChoice(
            bestSingle.Weights, bestSingle.Name, bestSingle.Exclude,
            string.Create(CultureInfo.InvariantCulture, $"{bestSingle.Name} alone, the best single model on every validation user ({bestSingle.Every:F4}): {shown}, {why}"),
            scores,
            window);
    }

    /// <summary>One model for users with a history, and popularity for those without (no other model can rank for them).</summary>
    private static Dictionary<UserSegment, double[]> SingleModel(IReadOnlyList<IItemScorer> models, int chosen)
    {
        var popularity = models.ToList().FindIndex(model => model is PopularityScorer);
        return Enum.GetValues<UserSegment>().ToDictionary(
            segment => segment,
            segment => Enumerable.Range(0, models.Count).Select(c => c == (segment is UserSegment.New && popularity >= 0 ? popularity : chosen) ? 1.0 : 0).ToArray());
    }

    /// <summary>The validation targets of both protocols, and those of <c>all</c> leaving out what each user took before.</summary>
    private sealed class ValidationTargets(TrainingSet set, IReadOnlyList<Interaction> validation)
    {
        private readonly IReadOnlyList<TestTarget> _all = TestTargets.For(set, validation, EvaluationProtocol.All);
        private readonly IReadOnlyList<TestTarget> _allExcluding = TestTargets.ExcludingTaken(set, TestTargets.For(set, validation, EvaluationProtocol.All));
        private readonly IReadOnlyList<TestTarget> _new = TestTargets.For(set, validation, EvaluationProtocol.New);

        public double Score(IItemScorer served, bool excludeTaken) =>
            OfflineEvaluation.Evaluate(set, served, excludeTaken ? _allExcluding : _all, EvaluationProtocol.All).NdcgAt10
            + OfflineEvaluation.Evaluate(set, served, _new, EvaluationProtocol.New).NdcgAt10;
    }
}
