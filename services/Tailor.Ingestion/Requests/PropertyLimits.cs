using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Flattens a call's <c>properties</c> or <c>traits</c>, refusing more fields than one call may carry.</summary>
internal static class PropertyLimits
{
    /// <param name="fields">The object read from the call, or null when it was absent or invalid (its error is already recorded).</param>
    /// <returns>The flattened fields (empty when absent), or null when there are too many (the error is recorded).</returns>
    public static IReadOnlyDictionary<string, string>? Flatten(ObjectReader? fields, CallContext context, string? skip = null)
    {
        var flat = PropertyFlattener.Flatten(fields?.Element, skip);
        if (flat.Count <= context.MaxProperties)
        {
            return flat;
        }

        fields!.Errors.Add(fields.Path, $"Holds {flat.Count} fields (nested ones counted each); at most {context.MaxProperties} are accepted.");
        return null;
    }
}
