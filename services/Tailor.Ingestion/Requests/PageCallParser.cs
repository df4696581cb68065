using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Validates a <c>page</c> call, or a <c>screen</c> call (a mobile app's page view, which Segment gives the same fields).</summary>
internal static class PageCallParser
{
    /// <param name="callType"><see cref="SegmentCallTypes.Page"/> or <see cref="SegmentCallTypes.Screen"/>: a page and a screen with the same messageId are two calls.</param>
    public static PageCall? Parse(ObjectReader call, string callType, CallContext context)
    {
        var identity = CallIdentityParser.Parse(call, callType, context);
        var name = call.String("name", FieldLimits.Title);
        var category = call.String("category", FieldLimits.Category);
        var properties = PropertyLimits.Flatten(call.Object("properties"), context);
        if (identity is null || properties is null)
        {
            return null;
        }

        // The call's own name and category win over properties of those names, in any case (FieldNames).
        var withPage = FieldNames.Copy(properties);
        if (name is not null)
        {
            FieldNames.Set(withPage, "name", name);
        }

        if (category is not null)
        {
            FieldNames.Set(withPage, "category", category);
        }

        return new PageCall(identity, name, withPage);
    }
}
