namespace Tailor.Recommendation.Scoring;

/// <summary>Everything one user did with one item in a training set.</summary>
/// <param name="Weight">The summed weights (units bought).</param>
/// <param name="Occasions">How many separate interactions (orders) it took.</param>
/// <param name="First">The first of them; with <paramref name="Last"/> and <paramref name="Occasions"/>, how often the user comes back for it.</param>
public readonly record struct UserItem(int Item, double Weight, int Occasions, DateTimeOffset Last, DateTimeOffset First = default);
