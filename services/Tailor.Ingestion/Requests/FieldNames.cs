namespace Tailor.Ingestion.Requests;

/// <summary>
/// The names of the flat fields that a call's properties and traits travel as. Every consumer reads a message's maps
/// with names compared ignoring case (MassTransit's dictionary converter) and cannot read the whole message when two
/// names differ only in case or one is empty, so a call that Ingestion accepted would reach no service. Ingestion
/// therefore keys the fields the same way, refuses names that no consumer could read, and lets a field it adds itself
/// replace the sender's field of that name in any case.
/// </summary>
internal static class FieldNames
{
    /// <summary>How the bus compares field names.</summary>
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    /// <returns>Null when a field may carry <paramref name="name"/>, else why not.</returns>
    /// <remarks>
    /// MongoDB cannot store a name that holds NUL, and no field needs a control character in its name.
    /// </remarks>
    public static string? Problem(string name) =>
        name.Length == 0 ? "Holds a field with an empty name; every field needs a name."
        : name.Any(char.IsControl) ? $"Holds a field whose name '{Printable(name)}' has control characters; field names must not have any."
        : null;

    /// <summary>Why the field named <paramref name="name"/> is refused, beside <paramref name="existing"/>.</summary>
    public static string Clash(string name, string existing) =>
        name == existing
            ? "Is also the name of another field once nested fields are flattened (a.b, a[0]); each field name may appear once."
            : $"Has the name of the field '{existing}' apart from case; every service reads field names ignoring case, so each may appear once.";

    /// <summary>A copy of <paramref name="fields"/> keyed by <see cref="Comparer"/>.</summary>
    public static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string> fields)
    {
        var copy = new Dictionary<string, string>(fields.Count + 2, Comparer);
        foreach (var (name, value) in fields)
        {
            Set(copy, name, value);
        }

        return copy;
    }

    /// <summary>Sets a field, replacing the one of that name in any case, so the name is spelled as given.</summary>
    public static void Set(Dictionary<string, string> fields, string name, string value)
    {
        fields.Remove(name);
        fields[name] = value;
    }

    private static string Printable(string name) =>
        string.Concat(name.Select(character => char.IsControl(character) ? $"\\u{(int)character:x4}" : character.ToString()));
}
