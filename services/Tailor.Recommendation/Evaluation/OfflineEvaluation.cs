namespace Tailor.Recommendation.Evaluation;

/// <summary>Scores each model's top 10 for every test user under one protocol.</summary>
public static class OfflineEvaluation
{
    public const int K = 10;

    public static EvaluationRow Evaluate(
        TrainingSet train, IItemScorer model, IReadOnlyList<TestTarget> targets, EvaluationProtocol protocol, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(targets);
        var rows = new (double Ndcg, double Hr, double Recall, int[] Ranked)[targets.Count];
        Parallel.For(
            0,
            targets.Count,
            () => new float[train.Items.Count],
            (index, _, scores) =>
            {
                var target = targets[index];
                Func<int, bool>? exclude = target.Excluded.Count == 0 ? null : target.Excluded.Contains;
                int[] ranked;
                if (model is IItemRanker ranker)
                {
                    ranked = ranker.Rank(target.User, K, exclude);
                }
                else
                {
                    model.Score(target.User, scores);
                    ranked = TopItems.Of(scores, K, exclude);
                }

                rows[index] = (
                    RankingMetrics.Ndcg(ranked, target.Relevant, K),
                    RankingMetrics.HitRate(ranked, target.Relevant, K),
                    RankingMetrics.Recall(ranked, target.Relevant, K),
                    ranked);
                return scores;
            },
            _ => { });

        var shown = rows.SelectMany(row => row.Ranked).Distinct().Count();
        return new EvaluationRow(
            name ?? model.Name,
            protocol,
            rows.Length == 0 ? 0 : rows.Average(row => row.Ndcg),
            rows.Length == 0 ? 0 : rows.Average(row => row.Hr),
            rows.Length == 0 ? 0 : rows.Average(row => row.Recall),
            train.Items.Count == 0 ? 0 : shown / (double)train.Items.Count,
            rows.Length);
    }
}
