using System.Text.Json;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Checks that every string and property name of a parsed body is text. The parser checks structure only; invalid
/// UTF-8 or a lone surrogate escape (<c>"\ud800"</c>) surfaces when a value is read, deep inside validation, as a 500.
/// </summary>
internal static class JsonText
{
    /// <returns>Null when all text is valid, else the path of the first value that is not.</returns>
    public static string? FindInvalid(JsonElement element)
    {
        var path = new Stack<string>();
        return IsValid(element, path) ? null : "$" + string.Concat(path);
    }

    // The path is built only on the way back from a failure: valid bodies, nearly all of them, allocate nothing for it.
    private static bool IsValid(JsonElement element, Stack<string> path)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!IsValid(item, path))
                        {
                            path.Push(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{index}]"));
                            return false;
                        }

                        index++;
                    }

                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        var name = property.Name;
                        if (!IsValid(property.Value, path))
                        {
                            path.Push("." + name);
                            return false;
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
