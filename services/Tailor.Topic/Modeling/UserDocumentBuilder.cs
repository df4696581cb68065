using System.Text;
using Tailor.Contracts;

namespace Tailor.Topic.Modeling;

/// <summary>Gathers each user's words from their activity, naming items from the activity itself or the catalog copy.</summary>
public sealed class UserDocumentBuilder(IReadOnlyDictionary<string, string> catalogTitles)
{
    private readonly Dictionary<string, StringBuilder> _texts = new(StringComparer.Ordinal);

    public void Add(UserActivityTracked activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (NamesAnItemTheUserIsInto(activity))
        {
            var name = !string.IsNullOrWhiteSpace(activity.ItemName) ? activity.ItemName
                : activity.ItemId is not null ? catalogTitles.GetValueOrDefault(activity.ItemId)
                : null;
            Append(activity.UserId, name);
        }

        Append(activity.UserId, activity.Text);
    }

    /// <summary>Users with any words, in user-id order so the same events always give the same corpus.</summary>
    public IReadOnlyList<UserDocument> Build() =>
        [.. _texts.OrderBy(text => text.Key, StringComparer.Ordinal).Select(text => new UserDocument(text.Key, text.Value.ToString()))];

    // A purchase line with no positive quantity is a return or a cancellation: not a sign of interest
    // (Embedding and Recommendation leave them out too).
    private static bool NamesAnItemTheUserIsInto(UserActivityTracked activity) =>
        activity.Activity == ActivityKinds.View || (activity.Activity == ActivityKinds.Purchase && activity.Quantity > 0);

    private void Append(string userId, string? words)
    {
        if (string.IsNullOrWhiteSpace(words))
        {
            return;
        }

        if (!_texts.TryGetValue(userId, out var text))
        {
            _texts[userId] = text = new StringBuilder();
        }

        // A sentence break keeps one item's last word and the next item's first from reading as a phrase.
        text.Append(words.Trim()).Append(". ");
    }
}
