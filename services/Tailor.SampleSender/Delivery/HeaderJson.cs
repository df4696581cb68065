using System.Text.Json;

namespace Tailor.SampleSender.Delivery;

/// <summary>
/// A JSON object of string members, as pieces for <see cref="RawHeader"/>: one member per piece, so the header folds
/// only at the space after a comma (JSON whitespace, harmless to any JSON reader once the header is unfolded).
/// </summary>
/// <remarks>
/// <see cref="JsonSerializer"/>'s default encoder writes every character outside ASCII as <c>\uXXXX</c> (and control
/// characters and HTML-sensitive ones like <c>&lt;</c> too), which JSON defines as the same string: the header stays
/// plain ASCII and SendGrid, Mailgun and any JSON reader get the original values back.
/// </remarks>
internal static class HeaderJson
{
    /// <summary><c>{"name":"value",</c> … <c>"name":"value"}</c>.</summary>
    public static IReadOnlyList<string> Object(IEnumerable<KeyValuePair<string, string>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var pieces = members.Select(member => $"{JsonSerializer.Serialize(member.Key)}:{JsonSerializer.Serialize(member.Value)},").ToList();
        if (pieces.Count == 0)
        {
            return ["{}"];
        }

        pieces[0] = "{" + pieces[0];
        pieces[^1] = pieces[^1][..^1] + "}";
        return pieces;
    }

    /// <summary><c>{"name":</c> followed by <paramref name="value"/>'s pieces, then <c>}</c>: an object with one member.</summary>
    public static IReadOnlyList<string> Wrap(string name, IReadOnlyList<string> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        List<string> pieces = [$"{{{JsonSerializer.Serialize(name)}:", .. value];
        pieces[^1] += "}";
        return pieces;
    }
}
