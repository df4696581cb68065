using Tailor.Storage;

namespace Tailor.Recommendation.Training;

/// <summary>
/// What Tailor's emails showed, for a training to weigh down what each reader then ignored: the emails recorded in
/// <see cref="RecommendationStore.ShownStream"/>, and those recorded in the evidence stream before they had a stream of
/// their own. An email recorded in both (a page redelivered across that change) counts once.
/// </summary>
public static class ShownItemsReader
{
    public static async Task AddToAsync(IEventStore events, InteractionSet set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(set);

        // Only the older stream's ids are remembered: it stopped growing, so the set stays as small as it was.
        var recordedBefore = new HashSet<Guid>();
        await foreach (var shown in events.ReadMessagesAsync<ShownItems>(new EventQuery(RecommendationStore.Stream), cancellationToken))
        {
            recordedBefore.Add(shown.EventId);
            Add(set, shown);
        }

        await foreach (var shown in events.ReadMessagesAsync<ShownItems>(new EventQuery(RecommendationStore.ShownStream), cancellationToken))
        {
            if (!recordedBefore.Contains(shown.EventId))
            {
                Add(set, shown);
            }
        }
    }

    private static void Add(InteractionSet set, ShownItems shown)
    {
        foreach (var itemId in shown.ItemIds)
        {
            set.AddShown(shown.UserId, itemId, shown.SendAt, shown.EmailId);
        }
    }
}
