namespace Tailor.Recommendation.Scoring;

/// <summary>
/// Item-kNN: items are alike when the same users take them (cosine of their user columns); a user's score for an item
/// is the sum of its similarities to the items they took. Each item keeps its <c>neighbours</c> most similar items.
/// </summary>
public sealed class ItemKnnScorer(TrainingSet set, int neighbours) : IItemScorer
{
    private readonly ItemNeighbourhood _neighbourhood = new(set, neighbours, (item, usersOf, row) =>
    {
        // Co-occurrence counts, then the cosine of the two items' user columns.
        foreach (var user in usersOf[item])
        {
            foreach (var other in set.ByUser[user])
            {
                row[other.Item]++;
            }
        }

        for (var other = 0; other < row.Length; other++)
        {
            if (row[other] > 0)
            {
                row[other] /= MathF.Sqrt((float)usersOf[item].Count * usersOf[other].Count);
            }
        }
    });

    public string Name => "item-knn";

    public void Score(int user, Span<float> scores) => _neighbourhood.Score(user, scores);
}
