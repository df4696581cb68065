using System.Text.Json;

namespace Tailor.Ingestion.Requests;

/// <summary>
/// Turns a JSON object into flat string pairs (<c>address.city</c>, <c>tags[0]</c>), the shape every message
/// carries, so consumers never need to know the sender's nesting. Nulls are left out.
/// </summary>
internal static class PropertyFlattener
{
    public static IReadOnlyDictionary<string, string> Flatten(JsonElement? element, string? skip = null)
    {
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (property.Name != skip)
                {
                    Add(flat, property.Name, property.Value);
                }
            }
        }

        return flat;
    }

    private static void Add(Dictionary<string, string> flat, string key, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Add(flat, $"{key}.{property.Name}", property.Value);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Add(flat, $"{key}[{index++}]", item);
                }

                break;
            case JsonValueKind.String:
                flat[key] = value.GetString()!;
                break;
            case JsonValueKind.Number:
                // The raw JSON text is already culture-invariant and keeps the sender's precision.
                flat[key] = value.GetRawText();
                break;
            case JsonValueKind.True or JsonValueKind.False:
                flat[key] = value.GetBoolean() ? "true" : "false";
                break;
            default:
                break;
        }
    }
}
