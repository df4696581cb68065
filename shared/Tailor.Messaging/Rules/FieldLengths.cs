namespace Tailor.Messaging.Rules;

/// <summary>
/// The longest text Tailor accepts in each kind of field, over Ingestion's HTTP API and on the bus alike
/// (<see cref="MessageRules"/>): generous for real data, small enough that one bad sender cannot bloat the log, the
/// stores or the text a consumer embeds or writes into an email. Identifiers have their own rule,
/// <see cref="Identifiers.MaxLength"/>.
/// </summary>
public static class FieldLengths
{
    /// <summary>A name or label: a person's first name, a country, a time zone, a campaign's name, an event's name, a topic.</summary>
    public const int Name = 200;

    /// <summary>An email address (RFC 5321 allows 64 characters before the @ and 255 after it).</summary>
    public const int Email = 320;

    /// <summary>A product's title or name.</summary>
    public const int Title = 500;

    /// <summary>A product's category.</summary>
    public const int Category = 200;

    /// <summary>A product's description.</summary>
    public const int Description = 5_000;

    /// <summary>What a campaign is for, in the marketer's words.</summary>
    public const int Goal = 2_000;

    /// <summary>Free text: what a user wrote, and the address a click in an email led to as its provider reports it.</summary>
    public const int Text = 10_000;

    /// <summary>A catalog item's page.</summary>
    public const int Url = 2_048;

    /// <returns>Null when <paramref name="text"/> is at most <paramref name="maxLength"/> characters (or absent), else why not.</returns>
    public static string? Problem(string? text, int maxLength) =>
        text is not null && text.Length > maxLength ? $"Must be at most {maxLength} characters." : null;
}
