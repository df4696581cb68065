using System.Globalization;

namespace Tailor.Ingestion.Validation;

/// <summary>Builds the JSON paths that name a field in validation errors: <c>items[2].price</c>.</summary>
internal static class JsonPaths
{
    /// <summary>The name of the request body itself, for problems with its whole shape.</summary>
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        parent.Length == 0 || parent == Root ? name : $"{parent}.{name}";

    public static string Item(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");
}
