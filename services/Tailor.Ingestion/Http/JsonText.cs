using System.Text.Json;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Checks that every string and property name of a parsed body is text. The parser checks structure only; invalid
/// UTF-8 or a lone surrogate escape (<c>"\ud800"</c>) surfaces when a value is read, deep inside validation, as a 500.
/// </summary>
internal static class JsonText
{
    /// <returns>Null when all text is valid, else where it is not.</returns>
    public static string? FindInvalid(JsonElement element, string path = "$")
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return null;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (FindInvalid(item, $"{path}[{index++}]") is { } invalidItem)
                        {
                            return invalidItem;
                        }
                    }

                    return null;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        var name = property.Name;
                        if (FindInvalid(property.Value, $"{path}.{name}") is { } invalidProperty)
                        {
                            return invalidProperty;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return path;
        }
    }
}
