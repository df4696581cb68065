namespace Tailor.Recommendation.Scoring;

/// <summary>One user touching one item: a purchase line, a click, or a row of a generic <c>user,item,timestamp[,weight]</c> file.</summary>
/// <param name="Weight">How much of it (units bought, 1 for a click); must be positive.</param>
public sealed record Interaction(string UserId, string ItemId, DateTimeOffset At, double Weight);
