using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Evaluation;

/// <summary>
/// The two literature splits of one set of interactions into training and test, besides a cut in time: a random share
/// of the interactions, and each user's last basket. Both are repeatable: the same input (in the same order) and seed
/// give the same split.
/// </summary>
public static class DataSplits
{
    /// <summary>
    /// A random <paramref name="testShare"/> of the interactions (rounded to whole interactions) for the test, the rest
    /// for training: every interaction is equally likely to be held out, whoever made it and whenever.
    /// </summary>
    public static (List<Interaction> Train, List<Interaction> Test) Random(IReadOnlyList<Interaction> interactions, double testShare, int seed)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(testShare, 1);
        var order = Enumerable.Range(0, interactions.Count).ToArray();
        new Random(seed).Shuffle(order);
        var held = new bool[interactions.Count];
        foreach (var index in order.Take((int)Math.Round(testShare * interactions.Count)))
        {
            held[index] = true;
        }

        return Divide(interactions, held);
    }

    /// <summary>
    /// Each user's last basket (every interaction at their latest time: the lines of one order share it) for the test,
    /// the rest for training. A user with only one basket stays whole in training: the split asks what comes next
    /// after a history, and they have none.
    /// </summary>
    public static (List<Interaction> Train, List<Interaction> Test) PerUserLast(IReadOnlyList<Interaction> interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var last = new Dictionary<string, (DateTimeOffset Latest, bool Earlier)>(StringComparer.Ordinal);
        foreach (var interaction in interactions)
        {
            last[interaction.UserId] = last.TryGetValue(interaction.UserId, out var seen)
                ? interaction.At > seen.Latest ? (interaction.At, true) : (seen.Latest, seen.Earlier || interaction.At < seen.Latest)
                : (interaction.At, false);
        }

        var held = new bool[interactions.Count];
        for (var i = 0; i < interactions.Count; i++)
        {
            var user = last[interactions[i].UserId];
            held[i] = user.Earlier && interactions[i].At == user.Latest;
        }

        return Divide(interactions, held);
    }

    private static (List<Interaction> Train, List<Interaction> Test) Divide(IReadOnlyList<Interaction> interactions, bool[] held)
    {
        var (train, test) = (new List<Interaction>(), new List<Interaction>());
        for (var i = 0; i < interactions.Count; i++)
        {
            (held[i] ? test : train).Add(interactions[i]);
        }

        return (train, test);
    }
}
