namespace Tailor.Recommendation.Scoring;

/// <summary>The baseline everyone gets: how many users took each item in the last <c>window</c> of the training data.</summary>
public sealed class PopularityScorer : IItemScorer
{
    private readonly float[] _audience;

    public PopularityScorer(TrainingSet set, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(set);
        _audience = new float[set.Items.Count];
        var since = set.End - window;
        foreach (var user in set.ByUser)
        {
            foreach (var item in user.Where(item => item.Last >= since))
            {
                _audience[item.Item]++;
            }
        }
    }

    public string Name => "popularity";

    public void Score(int user, Span<float> scores) => _audience.CopyTo(scores);
}
