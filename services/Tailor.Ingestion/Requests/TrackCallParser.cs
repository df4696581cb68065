using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Validates a <c>track</c> call and picks out products (e-commerce spec) and text.</summary>
internal static class TrackCallParser
{
    public static TrackCall? Parse(ObjectReader call, CallContext context)
    {
        var identity = CallIdentityParser.Parse(call, SegmentCallTypes.Track, context);
        var eventName = call.String("event", FieldLimits.Name, required: true);
        var properties = call.Object("properties");
        var text = properties?.String("text", FieldLimits.Text);

        // An order's products become messages of their own; other events keep every property they sent.
        var skip = eventName == SegmentEvents.OrderCompleted ? "products" : null;
        var flat = PropertyLimits.Flatten(properties, context, skip);
        var products = properties is null ? [] : ParseProducts(eventName, properties, flat, context);
        return identity is null || eventName is null || flat is null || products is null
            ? null
            : new TrackCall(identity, eventName, products, text, flat);
    }

    /// <param name="callFields">The call's own fields, or null when they are already too many (the error is recorded).</param>
    /// <returns>The products, or null when one carries more fields beside the call's than one call may (the error is recorded).</returns>
    private static IReadOnlyList<ProductLine>? ParseProducts(
        string? eventName, ObjectReader properties, IReadOnlyDictionary<string, string>? callFields, CallContext context)
    {
        if (eventName == SegmentEvents.OrderCompleted && properties.Array("products") is { } list)
        {
            var products = new List<ProductLine>(list.GetArrayLength());
            var fit = true;
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (ObjectReader.Of(item, JsonPaths.Item(properties.PathOf("products"), index++), properties.Errors) is { } product &&
                    ParseProduct(product) is { } line)
                {
                    fit &= callFields is null || PropertyLimits.FitsBeside(product, line.Properties, callFields, context);
                    products.Add(line);
                }
            }

            return fit ? products : null;
        }

        // A Product Viewed without product_id names no product: it is kept as a plain event. Its fields are the call's.
        if (eventName == SegmentEvents.ProductViewed && properties.Value("product_id") is not null)
        {
            return ParseProduct(properties) is { } viewed ? [viewed] : [];
        }

        return [];
    }

    private static ProductLine? ParseProduct(ObjectReader product)
    {
        var id = product.Id("product_id", required: true);
        var name = product.String("name", FieldLimits.Title);
        var price = product.Decimal("price", minimum: 0);
        var quantity = product.PositiveNumber("quantity") ?? 1;
        var fields = PropertyFlattener.Flatten(product);
        return id is null || fields is null ? null : new ProductLine(id, name, price, quantity, fields);
    }
}
