using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Recommendation.Content;

/// <summary>
/// The items each user has bought, from the purchases Recommendation recorded for training. Read for users the model
/// has not been trained on, who have few events, so one read per user stays small.
/// </summary>
public sealed class PurchasedItems(IEventStore events)
{
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> ForUsersAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var bought = new Dictionary<string, IReadOnlySet<string>>(userIds.Count, StringComparer.Ordinal);
        foreach (var userId in userIds)
        {
            var items = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var activity in events.ReadMessagesAsync<UserActivityTracked>(new EventQuery(RecommendationStore.Stream) { UserId = userId }, cancellationToken))
            {
                if (activity.Activity == ActivityKinds.Purchase && activity.ItemId is { } itemId)
                {
                    items.Add(itemId);
                }
            }

            bought[userId] = items;
        }

        return bought;
    }
}
