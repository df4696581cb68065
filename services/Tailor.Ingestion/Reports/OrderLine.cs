using System.Globalization;
using Tailor.Contracts;
using Tailor.Messaging;

namespace Tailor.Ingestion.Reports;

/// <summary>
/// One purchased line of an order, as the campaign report counts it. An <c>Order Completed</c> call reaches the bus as
/// one purchase <see cref="UserActivityTracked"/> per product (<c>Mapping.TrackMapper</c>), each carrying the order's own
/// properties beside the product's; the lines of one order share its <c>order_id</c> and its time.
/// </summary>
/// <param name="LineId">
/// For an order with an <c>order_id</c>, its product in it (user, order id, product id): a resent order (a reloaded
/// thank-you page fires <c>Order Completed</c> again, with a new message id and so new event ids) is the same lines.
/// For an order without one, the purchase's event id: one line, however often it is delivered.
/// </param>
/// <param name="OrderId">
/// What names the order among the user's: <c>id:{order_id}</c>, or <c>at:{time}</c> for an order sent without an
/// <c>order_id</c> (its lines came in one call, so they share its time).
/// </param>
/// <param name="Currency">The line's <c>currency</c> property, upper-cased, or <see cref="NoCurrency"/>.</param>
/// <param name="Amount">Price times quantity; null for a line sent without a price.</param>
internal sealed record OrderLine(Guid LineId, string UserId, string OrderId, DateTimeOffset OrderedAt, string Currency, decimal? Amount)
{
    /// <summary>The currency of revenue from lines that named none: never added to an amount in a currency.</summary>
    public const string NoCurrency = "unspecified";

    // Beyond these a line is not a purchase anyone made; leaving its amount out keeps every sum inside decimal's range.
    private const decimal MaxPrice = 1_000_000_000_000m;
    private const double MaxQuantity = 1_000_000_000_000;

    /// <summary>The order's key in the user's <see cref="ConversionLedger"/>: the same for every line of it.</summary>
    public Guid OrderKey => StableIds.From("tailor.ingestion.order", UserId, OrderId);

    /// <returns>Null for an activity that is not a purchase.</returns>
    public static OrderLine? Of(UserActivityTracked activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Activity != ActivityKinds.Purchase)
        {
            return null;
        }

        var named = Property(activity, "order_id");
        var orderId = named is null
            ? $"at:{activity.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}"
            : $"id:{named}";
        var lineId = named is null ? activity.EventId : StableIds.From("tailor.ingestion.order-line", activity.UserId, orderId, activity.ItemId ?? "");
        var currency = Property(activity, "currency")?.ToUpperInvariant() ?? NoCurrency;
        return new OrderLine(lineId, activity.UserId, orderId, activity.OccurredAt, currency, AmountOf(activity.Price, activity.Quantity));
    }

    /// <summary>
    /// The purchases among <paramref name="activities"/> as lines, each purchase once. The lines of one order that name
    /// one product (or none) share a line id, so the lines of one call (one time) are summed into one line: the purchase
    /// does not say where in the order it stood, and a line id that did not hold for a resent order would count it
    /// twice. A resent order (a reloaded thank-you page: the same order, another call, another time) in the same batch
    /// counts its first call's lines only, as it does in a later batch, where the lines' first batch stands (an order's
    /// lines are published together, so one call's lines seldom are split).
    /// </summary>
    public static IReadOnlyList<OrderLine> Of(IEnumerable<UserActivityTracked> activities) =>
        [.. activities
            .DistinctBy(activity => activity.EventId)
            .Select(Of)
            .OfType<OrderLine>()
            .GroupBy(line => line.LineId)
            .Select(same => same.GroupBy(line => line.OrderedAt).MinBy(call => call.Key)!)
            .Select(call => call.Skip(1).Any() ? call.First() with { Amount = SumOf(call) } : call.First())];

    private static decimal? SumOf(IEnumerable<OrderLine> lines) =>
        lines.Any(line => line.Amount is not null) ? lines.Sum(line => line.Amount ?? 0) : null;

    private static decimal? AmountOf(decimal? price, double quantity) =>
        price is { } unit and <= MaxPrice && double.IsFinite(quantity) && quantity is >= 0 and <= MaxQuantity
            ? unit * (decimal)quantity
            : null;

    // Every consumer reads field names ignoring case (Requests.FieldNames); a blank value names nothing.
    private static string? Property(UserActivityTracked activity, string name) =>
        activity.Properties?
            .Where(property => string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(property.Value))
            .Select(property => property.Value.Trim())
            .FirstOrDefault();
}
