namespace Tailor.Recommendation.Ranking;

/// <summary>The sentences that tell a reader why an item was picked for them.</summary>
public static class Reasons
{
    public const string Popular = "popular right now";

    public const string CloseToYourInterests = "close to what you have been looking at";

    public const string BuyAgain = "you bought this before";

    public static string PopularInYourTopic(string topic) => $"popular in your topic {topic}";

    public static string BecauseYouBought(string title) => $"because you bought {title}";

    public static string BecauseYouViewed(string title) => $"because you viewed {title}";
}
