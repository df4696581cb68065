using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Evaluation;

/// <summary>Scores each model's top 10 for every test user under one protocol, over everyone and per customer segment.</summary>
public static class OfflineEvaluation
{
    public const int K = 10;

    public static EvaluationRow Evaluate(
        TrainingSet train, IItemScorer model, IReadOnlyList<TestTarget> targets, EvaluationProtocol protocol, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(targets);
        var ranked = new IReadOnlyList<int>[targets.Count];
        Parallel.For(
            0,
            targets.Count,
            () => new float[train.Items.Count],
            (index, _, scores) =>
            {
                var target = targets[index];
                Func<int, bool>? exclude = target.Excluded.Count == 0 ? null : target.Excluded.Contains;
                if (model is IItemRanker ranker)
                {
                    ranked[index] = ranker.Rank(target.User, K, exclude);
                }
                else
                {
                    model.Score(target.User, scores);
                    ranked[index] = TopItems.Of(scores, K, exclude);
                }

                return scores;
            },
            _ => { });

        var figures = ListFigures.Of(train, targets, ranked, K);
        var shown = ranked.SelectMany(list => list).Distinct().Count();
        return new EvaluationRow(
            name ?? model.Name,
            protocol,
            figures.Ndcg,
            figures.HitRate,
            figures.Recall,
            train.Items.Count == 0 ? 0 : shown / (double)train.Items.Count,
            figures.Users,
            figures.Segments);
    }
}
