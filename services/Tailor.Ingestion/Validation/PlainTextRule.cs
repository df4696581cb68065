namespace Tailor.Ingestion.Validation;

/// <summary>
/// Text shown back to people (names, labels): no markup and no control characters. Every place Tailor shows such text
/// encodes it, but control characters could forge log lines, and no name needs &lt; or &gt;.
/// </summary>
internal static class PlainTextRule
{
    public const string Problem = "Must be plain text: no markup (< >) or control characters.";

    public static bool Allows(string text) => text.IndexOfAny(['<', '>']) < 0 && !text.Any(char.IsControl);
}
