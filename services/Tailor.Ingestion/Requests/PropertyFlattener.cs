using System.Text.Json;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>
/// Turns a JSON object into flat string pairs (<c>address.city</c>, <c>tags[0]</c>), the shape every message
/// carries, so consumers never need to know the sender's nesting. Nulls are left out. The names are held to
/// <see cref="FieldNames"/>, as every consumer reads them.
/// </summary>
internal static class PropertyFlattener
{
    /// <returns>The flat pairs, keyed by <see cref="FieldNames.Comparer"/>; null when a name cannot travel (each recorded at its path).</returns>
    public static IReadOnlyDictionary<string, string>? Flatten(ObjectReader fields, string? skip = null)
    {
        var flattening = new Flattening(fields.Path, fields.Errors);
        foreach (var property in fields.Element.EnumerateObject())
        {
            if (property.Name != skip)
            {
                flattening.AddNamed(fields.Path, property.Name, property.Name, property.Value);
            }
        }

        return flattening.Valid ? flattening.Flat : null;
    }

    private sealed class Flattening(string root, ValidationErrors errors)
    {
        public Dictionary<string, string> Flat { get; } = new(FieldNames.Comparer);

        public bool Valid { get; private set; } = true;

        /// <param name="parent">The JSON path of the object holding the field, where a name it cannot have is reported.</param>
        public void AddNamed(string parent, string name, string key, JsonElement value)
        {
            if (FieldNames.Problem(name) is { } problem)
            {
                Refuse(parent, problem);
                return;
            }

            Add(key, value);
        }

        private void Add(string key, JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        AddNamed(PathOf(key), property.Name, $"{key}.{property.Name}", property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Add($"{key}[{index++}]", item);
                    }

                    break;
                case JsonValueKind.String:
                    Put(key, value.GetString()!);
                    break;
                case JsonValueKind.Number:
                    // The raw JSON text is already culture-invariant and keeps the sender's precision.
                    Put(key, value.GetRawText());
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    Put(key, value.GetBoolean() ? "true" : "false");
                    break;
                default:
                    break;
            }
        }

        private void Put(string key, string value)
        {
            if (Flat.TryAdd(key, value))
            {
                return;
            }

            var existing = Flat.Keys.First(name => FieldNames.Comparer.Equals(name, key));
            Refuse(PathOf(key), FieldNames.Clash(key, existing));
        }

        private string PathOf(string key) => JsonPaths.Property(root, key);

        private void Refuse(string path, string problem)
        {
            errors.Add(path, problem);
            Valid = false;
        }
    }
}
