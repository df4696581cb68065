using Tailor.Contracts;
using Tailor.Ingestion.Requests;

namespace Tailor.Ingestion.Mapping;

/// <summary>
/// A <c>track</c> call as activities: one purchase per product of an <c>Order Completed</c>, a view for a
/// <c>Product Viewed</c>, text when the user wrote some, otherwise an activity named after the event.
/// </summary>
internal static class TrackMapper
{
    /// <param name="userId">Who did it: the call's user, or its anonymous id while that is not linked to a user.</param>
    public static IReadOnlyList<UserActivityTracked> Map(TrackCall call, string userId, DateTimeOffset receivedAt)
    {
        var occurredAt = call.Identity.Timestamp ?? receivedAt;
        if (call.Event == SegmentEvents.OrderCompleted && call.Products.Count > 0)
        {
            return [.. call.Products.Select((product, index) =>
                FromProduct(call, userId, index, occurredAt, ActivityKinds.Purchase, product))];
        }

        if (call.Event == SegmentEvents.ProductViewed && call.Products.Count == 1)
        {
            return [FromProduct(call, userId, 0, occurredAt, ActivityKinds.View, call.Products[0])];
        }

        var activity = call.Text is null ? call.Event : ActivityKinds.Text;
        return
        [
            new UserActivityTracked(
                EventIds.From(call.Identity.IdempotencyKey, 0),
                userId,
                occurredAt,
                activity,
                ItemId: null,
                ItemName: null,
                Quantity: 1,
                Price: null,
                call.Text,
                WithEvent(call.Properties, call.Event)),
        ];
    }

    private static UserActivityTracked FromProduct(TrackCall call, string userId, int index, DateTimeOffset occurredAt, string activity, ProductLine product)
    {
        // The order's own properties (order_id, currency ...) apply to each line; the product's fields win on a clash,
        // in any case (FieldNames).
        var properties = FieldNames.Copy(call.Properties);
        foreach (var (key, value) in product.Properties)
        {
            FieldNames.Set(properties, key, value);
        }

        return new UserActivityTracked(
            EventIds.From(call.Identity.IdempotencyKey, index),
            userId,
            occurredAt,
            activity,
            product.ProductId,
            product.Name,
            product.Quantity,
            product.Price,
            Text: null,
            WithEvent(properties, call.Event));
    }

    // Kinds such as "text" lose the original event name; keeping it in the properties lets consumers tell them apart.
    // It replaces a property named event in any case (FieldNames).
    private static Dictionary<string, string> WithEvent(IReadOnlyDictionary<string, string> properties, string eventName)
    {
        var withEvent = FieldNames.Copy(properties);
        FieldNames.Set(withEvent, "event", eventName);
        return withEvent;
    }
}
