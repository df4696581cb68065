using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Evaluation;

/// <summary>One user to evaluate: their number in the training set (-1 if new), the items that count as hits, and those not to recommend.</summary>
public sealed record TestTarget(string UserId, int User, IReadOnlySet<int> Relevant, IReadOnlySet<int> Excluded);

public static class TestTargets
{
    /// <summary>
    /// Every user who took a recommendable item in the test period, with what counts under the protocol. Under
    /// <see cref="EvaluationProtocol.New"/> their earlier items are neither hits nor recommended, and users who took only
    /// items they had taken before are left out.
    /// </summary>
    public static IReadOnlyList<TestTarget> For(TrainingSet train, IEnumerable<Interaction> test, EvaluationProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var targets = new List<TestTarget>();
        foreach (var user in test.GroupBy(interaction => interaction.UserId, StringComparer.Ordinal).OrderBy(user => user.Key, StringComparer.Ordinal))
        {
            var number = train.UserNumber(user.Key);
            IReadOnlySet<int> before = number < 0 ? new HashSet<int>() : train.ByUser[number].Select(item => item.Item).ToHashSet();
            var relevant = user
                .Select(interaction => train.ItemIndex.TryGetValue(interaction.ItemId, out var item) ? item : -1)
                .Where(item => item >= 0 && (protocol is EvaluationProtocol.All || !before.Contains(item)))
                .ToHashSet();
            if (relevant.Count > 0)
            {
                targets.Add(new TestTarget(user.Key, number, relevant, protocol is EvaluationProtocol.New ? before : new HashSet<int>()));
            }
        }

        return targets;
    }

    /// <summary>
    /// Every user who took again in the test period something they had taken before, with those re-orders as the hits
    /// (what an email's "Buy again" part offers); nothing is left out of their lists. Users new to the training set
    /// have nothing to re-order and are not among them.
    /// </summary>
    public static IReadOnlyList<TestTarget> Repurchases(TrainingSet train, IEnumerable<Interaction> test)
    {
        ArgumentNullException.ThrowIfNull(train);
        var targets = new List<TestTarget>();
        foreach (var target in For(train, test, EvaluationProtocol.All).Where(target => target.User >= 0))
        {
            var before = train.ByUser[target.User].Select(item => item.Item).ToHashSet();
            before.IntersectWith(target.Relevant);
            if (before.Count > 0)
            {
                targets.Add(target with { Relevant = before });
            }
        }

        return targets;
    }

    /// <summary>The same targets with what each user took in training left out of their lists (as served when purchases are excluded).</summary>
    public static IReadOnlyList<TestTarget> ExcludingTaken(TrainingSet train, IReadOnlyList<TestTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(targets);
        return [.. targets.Select(target => target.User < 0
            ? target
            : target with { Excluded = train.ByUser[target.User].Select(item => item.Item).ToHashSet() })];
    }
}
