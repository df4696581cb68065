namespace Tailor.Recommendation.Training;

/// <summary>
/// How many orders of one item a user placed, and the first and last of them. An order's lines share its time, so a
/// purchase at a moment already counted (the item on a second line of the same order, which arrives with the first)
/// adds nothing; two orders placed at the same moment count as one.
/// </summary>
/// <remarks>
/// Kept as three times and a count rather than every moment, because the set holds one for every item every user ever
/// bought. The moment added last is kept too, so the lines of an order are recognised whatever order orders arrive in;
/// each event reaches the set once (the service skips events it has applied), so nothing else repeats a moment.
/// </remarks>
/// <param name="Latest">The moment of the purchase added last.</param>
public readonly record struct ItemOrders(int Count, DateTimeOffset First, DateTimeOffset Last, DateTimeOffset Latest)
{
    public static ItemOrders Of(DateTimeOffset at) => new(1, at, at, at);

    /// <summary>These orders and a purchase at <paramref name="at"/>: one order more unless its moment is one already counted.</summary>
    public ItemOrders With(DateTimeOffset at) =>
        at == Latest || at == First || at == Last
            ? this
            : new(Count + 1, at < First ? at : First, at > Last ? at : Last, at);
}
