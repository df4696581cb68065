using Tailor.Contracts;

namespace Tailor.Recommendation.Ranking;

/// <summary>What a user is served: their top-N, and for an email's "New for you" the same ranking without what they bought.</summary>
/// <param name="Items">The top-N as served: with re-orders when the lists keep what users bought.</param>
/// <param name="NewItems">
/// The same scores ranked with every item the user bought left out; null when <paramref name="Items"/> cannot hold one
/// (a user the model does not know or who bought nothing, lists that leave bought items out).
/// </param>
public sealed record RecommendedLists(IReadOnlyList<RecommendedItem> Items, IReadOnlyList<RecommendedItem>? NewItems);
