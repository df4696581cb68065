using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Validates a <c>page</c> call.</summary>
internal static class PageCallParser
{
    public static PageCall? Parse(ObjectReader call, CallContext context)
    {
        var identity = CallIdentityParser.Parse(call, SegmentCallTypes.Page, context);
        var name = call.String("name", FieldLimits.Title);
        var category = call.String("category", FieldLimits.Category);
        var properties = PropertyLimits.Flatten(call.Object("properties"), context);
        if (identity is null || properties is null)
        {
            return null;
        }

        var withPage = new Dictionary<string, string>(properties, StringComparer.Ordinal);
        if (name is not null)
        {
            withPage["name"] = name;
        }

        if (category is not null)
        {
            withPage["category"] = category;
        }

        return new PageCall(identity, name, withPage);
    }
}
