using System.Globalization;
using Tailor.Contracts;
using Tailor.Messaging;

namespace Tailor.Ingestion.Reports;

/// <summary>
/// One purchased line of an order, as the campaign report counts it. An <c>Order Completed</c> call reaches the bus as
/// one purchase <see cref="UserActivityTracked"/> per product (<c>Mapping.TrackMapper</c>), each carrying the order's own
/// properties beside the product's; the lines of one order share its <c>order_id</c> and its time.
/// </summary>
/// <param name="LineId">The purchase's event id: one line, however often it is delivered.</param>
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

        var orderId = Property(activity, "order_id") is { } id
            ? $"id:{id}"
            : $"at:{activity.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}";
        var currency = Property(activity, "currency")?.ToUpperInvariant() ?? NoCurrency;
        return new OrderLine(activity.EventId, activity.UserId, orderId, activity.OccurredAt, currency, AmountOf(activity.Price, activity.Quantity));
    }

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
