using System.Text.RegularExpressions;

namespace Tailor.ContentGeneration.Generation;

/// <summary>
/// Everything a model's draft must pass before Tailor sends it: shape and lengths, distinct subjects and a preheader
/// that adds to them, grounding (only the given products, only the given prices, only the given order counts, no
/// placeholder for a name, no claims the facts do not support) and safety (no links, HTML, entities, markdown,
/// addresses, spam phrases, or characters that hide text or reverse it).
/// Returns the problems in words the model can act on when asked again.
/// </summary>
public static partial class DraftChecks
{
    public const int MaxSubjectLength = 60;
    public const int MaxPreheaderLength = 100;
    public const int MaxParagraphLength = 500;
    public const int MaxCallToActionLength = 40;

    // Phrases spam filters and regulators dislike, and claims no fact in Tailor can back.
    private static readonly string[] BannedPhrases =
    [
        "act now", "100% free", "risk-free", "risk free", "click here", "winner", "you have been selected", "cash bonus",
        "guarantee", "no obligation", "limited time", "free shipping", "free delivery", "discount", "% off", "sale ends",
        "last chance", "urgent", "buy now", "order now", "lowest price", "best price",
    ];

    public static IReadOnlyList<string> Problems(EmailCopyDraft? draft, CopyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (draft is null)
        {
            return ["the answer was not a JSON object of the schema"];
        }

        var problems = new List<string>();
        var subjects = draft.Subjects ?? [];
        if (subjects.Count is < 1 or > 3)
        {
            problems.Add($"give one to three subjects, not {subjects.Count}");
        }

        foreach (var subject in subjects)
        {
            Length(problems, "subject", subject, MaxSubjectLength);
        }

        if (subjects.Count != subjects.Distinct(StringComparer.OrdinalIgnoreCase).Count())
        {
            problems.Add("two subjects are the same; give different alternatives");
        }

        if (draft.Preheader is { } preheader && subjects.Contains(preheader.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            problems.Add("the preheader repeats a subject; make it add something the subject does not say");
        }

        Length(problems, "preheader", draft.Preheader, MaxPreheaderLength);
        var paragraphs = draft.Paragraphs ?? [];
        if (paragraphs.Count is < 1 or > 3)
        {
            problems.Add($"give one to three paragraphs, not {paragraphs.Count}");
        }

        foreach (var paragraph in paragraphs)
        {
            Length(problems, "paragraph", paragraph, MaxParagraphLength);
        }

        var known = facts.Products.Select(product => product.ItemId).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in draft.CallsToAction ?? [])
        {
            if (call?.ItemId is { } itemId && !seen.Add(itemId))
            {
                problems.Add($"more than one call to action for product '{itemId}'");
            }

            if (call?.ItemId is null || !known.Contains(call.ItemId))
            {
                problems.Add($"call to action for product '{call?.ItemId}', which is not one of the given products");
            }

            Length(problems, "call to action", call?.Text, MaxCallToActionLength);
        }

        foreach (var text in Texts(draft))
        {
            Grounding(problems, text, facts);
            Safety(problems, text, facts);
        }

        return problems;
    }

    /// <summary>
    /// <paramref name="problems"/> as a log line may carry them: every text of the draft they quote stands as "…", and
    /// what is wrong with it (its length, the price, the phrase) stays. The model is asked again with the quotes, since it
    /// must find what to mend; a log is kept for months and shipped elsewhere, and the draft speaks to the reader, by
    /// first name when the model was given it (<see cref="LanguageModelOptions.ShareFirstName"/>).
    /// </summary>
    public static IReadOnlyList<string> WithoutDraftText(IReadOnlyList<string> problems, EmailCopyDraft? draft)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (draft is null)
        {
            return problems;
        }

        // Longest first, so a text that holds a shorter one in its own quotes is replaced whole.
        var quoted = Texts(draft).Where(text => text.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(text => text.Length).ToList();
        return [.. problems.Select(problem => quoted.Aggregate(problem, (line, text) => line.Replace($"\"{text}\"", "\"…\"", StringComparison.Ordinal)))];
    }

    // Every text of the draft the checks read, as the problems quote them.
    private static IEnumerable<string> Texts(EmailCopyDraft draft) =>
        (draft.Subjects ?? []).Append(draft.Preheader).Concat(draft.Paragraphs ?? []).Concat((draft.CallsToAction ?? []).Select(call => call?.Text)).OfType<string>();

    private static void Length(List<string> problems, string part, string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"the {part} is empty");
        }
        else if (text.Length > max)
        {
            problems.Add($"the {part} \"{text}\" is {text.Length} characters; at most {max}");
        }
        else if (text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            problems.Add($"the {part} \"{text}\" contains line breaks or control characters");
        }
    }

    // Prices are Tailor's to print: any amount in the copy must be one of the given prices, and any product code one of the given items.
    private static void Grounding(List<string> problems, string text, CopyFacts facts)
    {
        var prices = facts.Products.Select(product => product.Price).ToHashSet(StringComparer.Ordinal);
        foreach (Match amount in Amount().Matches(text))
        {
            if (!prices.Contains(amount.Value.Replace(" ", string.Empty, StringComparison.Ordinal)))
            {
                problems.Add($"\"{text}\" names {amount.Value}, which is not the price of any given product");
            }
        }

        var names = facts.Products.Select(product => product.ItemId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (Match code in ProductCode().Matches(text))
        {
            if (!names.Contains(code.Value))
            {
                problems.Add($"\"{text}\" names {code.Value}, which looks like a product code that is not one of the given products");
            }
        }

        var counts = facts.Products.Select(product => product.TimesBought).OfType<int>().ToHashSet();
        foreach (Match count in OrderCount().Matches(text))
        {
            if (!counts.Contains(int.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            {
                problems.Add($"\"{text}\" says {count.Value}, which is not how often the reader ordered any given product");
            }
        }

        if (Placeholder().IsMatch(text))
        {
            problems.Add($"\"{text}\" contains a placeholder; use the customer's first name only when given, else none");
        }

        if (Percentage().IsMatch(text))
        {
            problems.Add($"\"{text}\" claims a percentage (a discount or a statistic) that no fact supports");
        }
    }

    private static void Safety(List<string> problems, string text, CopyFacts facts)
    {
        if (Link().IsMatch(text))
        {
            problems.Add($"\"{text}\" contains a link or an email address");
        }

        if (text.Contains('<', StringComparison.Ordinal) || text.Contains('>', StringComparison.Ordinal))
        {
            problems.Add($"\"{text}\" contains markup");
        }

        // Tailor encodes every part as text, so an entity would be shown as "&amp;" and markdown as asterisks. A given
        // product's name may hold either ("*Boombox Ipod Classic" in Online Retail, "Tea &amp; cake" as some shops
        // export it): quoting it is grounding, not markup, so the names are taken out before looking.
        var ownWords = WithoutProductNames(text, facts);
        if (Entity().IsMatch(ownWords))
        {
            problems.Add($"\"{text}\" contains an HTML entity; write the character itself");
        }

        if (Markdown().IsMatch(ownWords))
        {
            problems.Add($"\"{text}\" contains markdown (*, `, __, # or [text](link)); write plain text");
        }

        // The same characters the template composer drops from profile and catalog text (CopyText.IsHidden).
        if (text.Any(Composition.CopyText.IsHidden))
        {
            problems.Add($"\"{text}\" contains invisible or direction-changing characters (zero-width spaces, bidirectional overrides)");
        }

        foreach (var phrase in BannedPhrases.Where(phrase => text.Contains(phrase, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"\"{text}\" uses \"{phrase}\", which the facts do not support or spam filters flag");
        }

        if (text.Contains("!!", StringComparison.Ordinal) || Shouting().IsMatch(text))
        {
            problems.Add($"\"{text}\" shouts (repeated exclamation marks or ALL-CAPS words)");
        }
    }

    private static string WithoutProductNames(string text, CopyFacts facts) =>
        facts.Products.Select(product => product.Name).Where(name => !string.IsNullOrEmpty(name)).OrderByDescending(name => name.Length)
            .Aggregate(text, (remaining, name) => remaining.Replace(name, " ", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"[£$€]\s?\d+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?\s?(?:GBP|EUR|USD|pounds|euros|dollars)", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    // Online Retail style stock codes: five digits, maybe a letter (85123A), or letters then digits (DOT1).
    [GeneratedRegex(@"\d\s?%|\bper ?cent\b", RegexOptions.IgnoreCase)]
    private static partial Regex Percentage();

    [GeneratedRegex(@"\b\d{5}[A-Z]?\b")]
    private static partial Regex ProductCode();

    // "5 times", "12 orders": a number of orders the facts must back.
    [GeneratedRegex(@"\b(\d{1,6})\s+(?:times|orders)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrderCount();

    // Template placeholders a model sometimes leaves: {first_name}, {{name}}, [Name], [First name].
    [GeneratedRegex(@"\{\{?\s*\w+\s*\}?\}|\[\s*(?:first\s*name|name|customer(?:\s*name)?)\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"https?://|www\.|\b[\w.+-]+@[\w-]+\.[\w.]+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")]
    private static partial Regex Entity();

    // Emphasis, code, a heading or a link as markdown writes them.
    [GeneratedRegex(@"[*`]|__|^\s*#{1,6}\s|\[[^\]]*\]\(")]
    private static partial Regex Markdown();

    [GeneratedRegex(@"\b[A-Z]{5,}\b")]
    private static partial Regex Shouting();
}
