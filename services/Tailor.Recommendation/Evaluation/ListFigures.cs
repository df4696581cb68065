using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Evaluation;

/// <summary>One customer segment's share of a row: the means over its users, at the row's list length.</summary>
public sealed record SegmentFigures(UserSegment Segment, double Ndcg, double HitRate, double Recall, int Users);

/// <summary>
/// Fixed lists scored against what their users took: NDCG, hit rate and recall at <c>k</c>, the means over every user
/// and over each <see cref="UserSegment"/> (the segments the blend weighs its models by), so a figure that looks good
/// on average but fails new or light customers shows it.
/// </summary>
public sealed record ListFigures(double Ndcg, double HitRate, double Recall, int Users, IReadOnlyList<SegmentFigures> Segments)
{
    /// <param name="lists">Each target's list, best first, in the order of <paramref name="targets"/>.</param>
    public static ListFigures Of(TrainingSet train, IReadOnlyList<TestTarget> targets, IReadOnlyList<IReadOnlyList<int>> lists, int k)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(lists);
        if (lists.Count != targets.Count)
        {
            throw new ArgumentException($"{lists.Count} lists for {targets.Count} users.", nameof(lists));
        }

        var scored = targets
            .Select((target, index) => (
                Segment: UserSegments.Of(train, target.User),
                Ndcg: RankingMetrics.Ndcg(lists[index], target.Relevant, k),
                Hit: RankingMetrics.HitRate(lists[index], target.Relevant, k),
                Recall: RankingMetrics.Recall(lists[index], target.Relevant, k)))
            .ToList();
        var segments = Enum.GetValues<UserSegment>().Select(segment =>
        {
            var users = scored.Where(user => user.Segment == segment).ToList();
            return new SegmentFigures(segment, Mean(users, user => user.Ndcg), Mean(users, user => user.Hit), Mean(users, user => user.Recall), users.Count);
        }).ToList();
        return new ListFigures(Mean(scored, user => user.Ndcg), Mean(scored, user => user.Hit), Mean(scored, user => user.Recall), scored.Count, segments);
    }

    private static double Mean<T>(List<T> users, Func<T, double> metric) => users.Count == 0 ? 0 : users.Average(metric);
}
