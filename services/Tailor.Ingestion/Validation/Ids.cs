namespace Tailor.Ingestion.Validation;

/// <summary>
/// The rule every identifier is held to (user, anonymous, message, group, catalog item and product ids): a non-empty
/// string of at most <see cref="FieldLimits.Id"/> characters without control characters, which would make ids that look
/// the same in logs and tools but differ, and not <c>.</c> or <c>..</c>, which no URL path can name (servers resolve
/// them as dot segments, percent-encoded or not), so such a user could be neither exported nor erased, and such an
/// item's product link would lead nowhere.
/// </summary>
internal static class Ids
{
    /// <returns>Null when <paramref name="id"/> is a well-formed identifier, else why not.</returns>
    public static string? Problem(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "Must not be empty; leave it out instead.";
        }

        if (id.Length > FieldLimits.Id)
        {
            return $"Must be at most {FieldLimits.Id} characters.";
        }

        if (id is "." or "..")
        {
            return "Must not be '.' or '..': no URL can name it.";
        }

        return id.Any(char.IsControl) ? "Must not contain control characters." : null;
    }
}
