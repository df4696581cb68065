namespace Tailor.Recommendation.Evaluation;

/// <summary>Every single model, trained on one training set: the baselines, content similarity when vectors are given, and ALS.</summary>
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
        return models;
    }
}
