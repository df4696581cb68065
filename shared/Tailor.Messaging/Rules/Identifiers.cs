namespace Tailor.Messaging.Rules;

/// <summary>
/// The rule every identifier is held to (user, anonymous, message, group, catalog item, product and campaign ids),
/// over Ingestion's HTTP API and on the bus alike: a non-empty string of at most <see cref="MaxLength"/> characters
/// without control characters, which would make ids that look the same in logs and tools but differ, and not <c>.</c>
/// or <c>..</c>, which no URL path can name (servers resolve them as dot segments, percent-encoded or not), so such a
/// user could be neither exported nor erased, and such an item's product link would lead nowhere.
/// </summary>
public static class Identifiers
{
    /// <summary>The longest identifier accepted: generous for real ids, small enough to keep one bad sender from bloating the log.</summary>
    public const int MaxLength = 256;

    /// <returns>Null when <paramref name="id"/> is a well-formed identifier, else why not.</returns>
    public static string? Problem(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "Must not be empty; leave it out instead.";
        }

        if (FieldLengths.Problem(id, MaxLength) is { } tooLong)
        {
            return tooLong;
        }

        if (id is "." or "..")
        {
            return "Must not be '.' or '..': no URL can name it.";
        }

        return id.Any(char.IsControl) ? "Must not contain control characters." : null;
    }
}
