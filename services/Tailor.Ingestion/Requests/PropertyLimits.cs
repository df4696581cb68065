using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Flattens a call's <c>properties</c> or <c>traits</c>, refusing more fields than one call may carry.</summary>
internal static class PropertyLimits
{
    /// <param name="fields">The object read from the call, or null when it was absent or invalid (its error is already recorded).</param>
    /// <returns>
    /// The flattened fields (empty when absent), or null when there are too many or a name cannot travel (the error is recorded).
    /// </returns>
    public static IReadOnlyDictionary<string, string>? Flatten(ObjectReader? fields, CallContext context, string? skip = null)
    {
        if (fields is null)
        {
            return new Dictionary<string, string>(FieldNames.Comparer);
        }

        if (PropertyFlattener.Flatten(fields, skip) is not { } flat)
        {
            return null;
        }

        if (flat.Count <= context.MaxProperties)
        {
            return flat;
        }

        fields.Errors.Add(fields.Path, $"Holds {flat.Count} fields (nested ones counted each); at most {context.MaxProperties} are accepted.");
        return null;
    }

    /// <summary>
    /// Whether an order's product keeps its purchase within the limit: each product becomes a message of its own that
    /// carries its fields beside the call's (a field of both, in any case, once), and every service holds that message
    /// to the limit a call is held to.
    /// </summary>
    /// <returns>False when the two hold more fields together than one call may carry (the error is recorded at the product).</returns>
    public static bool FitsBeside(ObjectReader product, IReadOnlyDictionary<string, string> productFields, IReadOnlyDictionary<string, string> callFields, CallContext context)
    {
        // Both come from the flattener, keyed by FieldNames.Comparer, so a lookup finds a field in any case.
        var count = callFields.Count + productFields.Keys.Count(key => !callFields.ContainsKey(key));
        if (count <= context.MaxProperties)
        {
            return true;
        }

        product.Errors.Add(product.Path, $"Holds {count} fields with the order's (nested ones counted each); at most {context.MaxProperties} are accepted.");
        return false;
    }
}
