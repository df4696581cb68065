namespace Tailor.Messaging.Rules;

/// <summary>
/// Text shown back to people (names, countries, labels): no markup and no control characters. Every place Tailor shows
/// such text encodes it, but control characters could forge log lines, and no name needs &lt; or &gt;. Ingestion's HTTP
/// checks and the bus's (<see cref="MessageRules"/>) use this one rule.
/// </summary>
public static class PlainTextRule
{
    public const string Problem = "Must be plain text: no markup (< >) or control characters.";

    public static bool Allows(string text) => text.IndexOfAny(['<', '>']) < 0 && !text.Any(char.IsControl);
}
