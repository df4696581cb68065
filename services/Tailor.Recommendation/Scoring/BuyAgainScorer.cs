namespace Tailor.Recommendation.Scoring;

/// <summary>
/// "Buy again": the user's own items, by how often they took them, fading with how long ago (half-life
/// <c>halfLife</c>). Strong for shops of consumables; nothing for items the user never took.
/// </summary>
public sealed class BuyAgainScorer(TrainingSet set, TimeSpan halfLife) : IItemScorer
{
    public string Name => "buy-again";

    public void Score(int user, Span<float> scores)
    {
        scores.Clear();
        if (user < 0)
        {
            return;
        }

        foreach (var item in set.ByUser[user])
        {
            scores[item.Item] = (float)(item.Occasions * Math.Pow(2, -((set.End - item.Last) / halfLife)));
        }
    }
}
