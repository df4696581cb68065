namespace Tailor.Recommendation.Scoring;

/// <summary>
/// Every single model, trained on one training set: the baselines, content similarity when vectors are given, ALS,
/// and three strong simple models from the literature: EASE, RP3beta and the repeat-aware next-basket model TIFU-KNN.
/// </summary>
public static class RecommenderSuite
{
    public static IReadOnlyList<IItemScorer> Train(
        TrainingSet set, IReadOnlyDictionary<string, float[]>? itemVectors, EvaluationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var halfLife = TimeSpan.FromDays(settings.HalfLifeDays);
        var models = new List<IItemScorer>
        {
            new PopularityScorer(set, TimeSpan.FromDays(settings.PopularityWindowDays)),
            new BuyAgainScorer(set, halfLife),
            new ItemKnnScorer(set, settings.Neighbours),
        };
        if (itemVectors is { Count: > 0 })
        {
            models.Add(new ContentScorer(set, itemVectors, halfLife));
        }

        models.Add(new AlsScorer(set, settings.Als, settings.Scaling, settings.Alpha, cancellationToken));
        models.Add(new EaseScorer(set, settings.EaseLambda, cancellationToken));
        models.Add(new Rp3BetaScorer(set, settings.Rp3Beta, settings.Rp3Neighbours));
        models.Add(settings.TifuKnn(set));
        return models;
    }
}
