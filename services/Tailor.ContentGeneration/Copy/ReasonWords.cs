using Tailor.Contracts;

namespace Tailor.ContentGeneration.Copy;

/// <summary>
/// Each item's reason in words the reader understands: "Because you bought Red retrospot cake cases", "You order
/// this every few weeks", "A favourite with hot water bottle fans". Worded from the recommender's reason kind and the
/// facts it names; a reason from an older recommender (no kind) is shown as it came, in sentence case.
/// </summary>
public static class ReasonWords
{
    private const string OldBuyAgainReason = "you bought this before";

    /// <summary>Whether the recommender offers the item again because the customer has ordered it before.</summary>
    public static bool IsReorder(RecommendedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.ReasonKind == ReasonKinds.BuyAgain || item.TimesBought > 0
            || (item.ReasonKind is null && string.Equals(item.Reason, OldBuyAgainReason, StringComparison.OrdinalIgnoreCase));
    }

    /// <param name="topicLabel">The customer's dominant topic, for reasons that name it.</param>
    public static string? For(RecommendedItem item, string? topicLabel)
    {
        ArgumentNullException.ThrowIfNull(item);
        var named = Safe(item.ReasonItemTitle) is { } title ? ProductNames.InSentence(title) : null;
        var topic = TopicPhrase.Short(topicLabel);
        return item.ReasonKind switch
        {
            _ when IsReorder(item) => Reorder(item),
            ReasonKinds.BecauseYouBought when named is not null => $"Because you bought {named}",
            ReasonKinds.BecauseYouViewed when named is not null => $"Because you looked at {named}",
            ReasonKinds.PopularInTopic when topic is not null => $"A favourite with {topic} fans",
            ReasonKinds.PopularInTopic or ReasonKinds.Popular => "Popular with our customers right now",
            // The interest vector comes from what the customer bought as much as what they viewed: a customer who only
            // ordered has looked at nothing Tailor saw, so the reason claims no browsing.
            ReasonKinds.CloseToInterests => "Close to what you like",
            _ => Safe(item.Reason) is { } reason ? SentenceCase(reason) : null,
        };
    }

    /// <summary>How often the customer orders the item, in words: "every few weeks".</summary>
    /// <remarks>Orders less than a day apart on average are a busy spell, not a habit, so they get no rhythm.</remarks>
    public static string? Rhythm(TimeSpan? interval) => interval?.TotalDays switch
    {
        null or < 1 => null,
        < 4 => "every few days",
        < 10 => "every week or so",
        < 21 => "every couple of weeks",
        < 45 => "every few weeks",
        < 75 => "every month or two",
        < 200 => "every few months",
        _ => "now and then",
    };

    private static string Reorder(RecommendedItem item)
    {
        if (Rhythm(item.ReorderInterval) is { } rhythm)
        {
            return $"You order this {rhythm}";
        }

        return item.TimesBought switch
        {
            >= 3 => $"You have ordered this {item.TimesBought} times",
            2 => "You have ordered this twice",
            _ => "You ordered this before",
        };
    }

    // "because you bought WHITE HANGING HEART T-LIGHT HOLDER": the name inside an old reason gets its natural casing too.
    private static string SentenceCase(string reason)
    {
        foreach (var prefix in new[] { "because you bought ", "because you viewed " })
        {
            if (reason.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return char.ToUpperInvariant(prefix[0]) + prefix[1..] + ProductNames.InSentence(reason[prefix.Length..]);
            }
        }

        return char.ToUpperInvariant(reason[0]) + reason[1..];
    }

    private static string? Safe(string? text) => Composition.CopyText.SingleLine(text);
}
