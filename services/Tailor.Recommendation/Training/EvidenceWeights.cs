using Tailor.Contracts;

namespace Tailor.Recommendation.Training;

/// <summary>How much one message says about a user's taste for an item, in units bought.</summary>
public static class EvidenceWeights
{
    public static void Add(InteractionSet set, UserActivityTracked activity, RecommendationOptions options)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        set.AddKnownUser(activity.UserId);
        if (string.IsNullOrWhiteSpace(activity.ItemId))
        {
            return;
        }

        set.NoteItem(activity.ItemId, activity.ItemName, activity.Price);
        switch (activity.Activity)
        {
            case ActivityKinds.Purchase:
                // Returns and cancellations arrive with a non-positive quantity: they say nothing about liking the item.
                set.Add(activity.UserId, activity.ItemId, activity.Quantity, activity.OccurredAt, purchased: true);
                break;
            case ActivityKinds.View:
                set.Add(activity.UserId, activity.ItemId, options.ViewWeight, activity.OccurredAt, purchased: false);
                break;
        }
    }

    public static void Add(InteractionSet set, EmailEngaged engaged, RecommendationOptions options)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(engaged);
        ArgumentNullException.ThrowIfNull(options);

        // A link scanner's click is not a person's interest, and a privacy proxy's open is not a person reading.
        if (engaged.IsMachineOpen)
        {
            return;
        }

        if (engaged.Kind is EngagementKind.Open or EngagementKind.Click)
        {
            set.AddOpened(engaged.EmailId, engaged.OccurredAt);
        }

        if (engaged.Kind == EngagementKind.Click && !string.IsNullOrWhiteSpace(engaged.ItemId))
        {
            set.Add(engaged.UserId, engaged.ItemId, options.ClickWeight, engaged.OccurredAt, purchased: false);
            set.AddEmailClick(engaged.UserId, engaged.ItemId, engaged.OccurredAt);
        }
    }
}
