using System.Globalization;
using Tailor.ContentGeneration.Composition;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Copy;

/// <summary>
/// The template composer's subject angles. Each email offers one subject per angle its facts support, under the angle's
/// id, so the subject bandit learns which angle a campaign's readers open across all its emails, not which literal line.
/// Every angle names only facts of the email: an item it shows, that item's reason, a price it prints, the send month.
/// </summary>
public static class SubjectAngles
{
    /// <summary>The reader's own signal: a re-order, a match for what they bought, a new pick (<see cref="TemplateCopyWriter"/>).</summary>
    public const string Item = "angle:item";

    /// <summary>Why the first item is there, in the reason's words.</summary>
    public const string Reason = "angle:reason";

    /// <summary>The lowest price in the email. Tailor knows no discounts, so the angle is the price, never a saving.</summary>
    public const string Price = "angle:price";

    /// <summary>The month the email goes out in (months, not seasons: the reader's hemisphere is not known).</summary>
    public const string Season = "angle:season";

    /// <summary>The ids a campaign's template tests use, in the order emails offer them.</summary>
    public static IReadOnlyList<string> All { get; } = [Item, Reason, Price, Season];

    /// <summary>One angle's subject, the item it names (the preheader talks about the others) and whether it gave the lowest price.</summary>
    public sealed record Angle(string Id, string Subject, RecommendedItem? About, bool PriceSaid);

    /// <summary>The reason, price and season angles the facts support, each a subject of at most 60 characters.</summary>
    /// <param name="topic">The reader's topic as a short phrase (<see cref="TopicPhrase.Short"/>).</param>
    public static IEnumerable<Angle> Others(IReadOnlyList<RecommendedItem> items, string? topic, DateTimeOffset? sendAt, Func<decimal, string> price, uint seed)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(price);
        if (items.Count == 0)
        {
            yield break;
        }

        if (ReasonAngle(items, topic, seed) is { } reason)
        {
            yield return reason;
        }

        if (PriceAngle(items, price, seed) is { } cheapest)
        {
            yield return cheapest;
        }

        if (sendAt is { } when && SeasonAngle(items, when, seed) is { } season)
        {
            yield return season;
        }
    }

    // The first item whose reason makes a subject that fits; the email id picks among its wordings.
    private static Angle? ReasonAngle(IReadOnlyList<RecommendedItem> items, string? topic, uint seed)
    {
        foreach (var item in items)
        {
            if (Pick(ReasonLines(item, topic), seed) is { } subject)
            {
                return new Angle(Reason, subject, item, PriceSaid: false);
            }
        }

        return null;
    }

    private static string?[] ReasonLines(RecommendedItem item, string? topic)
    {
        var name = TemplateCopyWriter.Name(item);
        var start = Capitalised(name);
        var named = CopyText.SingleLine(item.ReasonItemTitle) is { } title ? ProductNames.InSentence(title) : null;
        if (ReasonWords.IsReorder(item))
        {
            if (ReasonWords.Rhythm(item.ReorderInterval) is { } rhythm)
            {
                return [$"You order {name} {rhythm}", $"{start}: you order it {rhythm}", $"{start} again? You order it {rhythm}"];
            }

            return item.TimesBought switch
            {
                >= 3 => [$"You have ordered {name} {item.TimesBought} times", $"{start}: {item.TimesBought} orders and counting"],
                2 => [$"You have ordered {name} twice", $"{start}: a favourite of yours"],
                _ => [$"You ordered {name} before", $"Order {name} again"],
            };
        }

        return item.ReasonKind switch
        {
            ReasonKinds.BecauseYouBought when named is not null => [$"You bought {named}, so we picked {name}", $"Because you bought {named}: {name}"],
            ReasonKinds.BecauseYouViewed when named is not null => [$"You looked at {named}; see {name}", $"Because you looked at {named}"],
            ReasonKinds.PopularInTopic when topic is not null => [$"A favourite with {topic} fans: {name}", $"{Capitalised(topic)} fans love {name}"],
            ReasonKinds.PopularInTopic or ReasonKinds.Popular => [$"Popular right now: {name}", $"Our customers love {name}"],
            ReasonKinds.CloseToInterests => [$"Close to what you like: {name}", $"{start}, close to what you like"],
            _ => [],
        };
    }

    // The cheapest item and its price, as the email prints it; a free item (price 0) makes no price subject.
    private static Angle? PriceAngle(IReadOnlyList<RecommendedItem> items, Func<decimal, string> price, uint seed)
    {
        var cheapest = items.Where(item => item.Price > 0).MinBy(item => item.Price);
        if (cheapest is null)
        {
            return null;
        }

        var name = TemplateCopyWriter.Name(cheapest);
        var amount = price(cheapest.Price);
        var named = Pick([$"{Capitalised(name)}, just {amount}", $"{Capitalised(name)} for {amount}", $"Picked for you from {amount}: {name}"], seed);
        return named is not null
            ? new Angle(Price, named, cheapest, PriceSaid: true)
            : Pick([$"Your picks, from {amount}", $"Picked for you, from {amount}"], seed) is { } plain ? new Angle(Price, plain, null, PriceSaid: true) : null;
    }

    private static Angle? SeasonAngle(IReadOnlyList<RecommendedItem> items, DateTimeOffset sendAt, uint seed)
    {
        var month = sendAt.ToString("MMMM", CultureInfo.InvariantCulture);
        var item = items[0];
        var name = TemplateCopyWriter.Name(item);
        string?[] lines = sendAt.Month == 12
            ? [$"Ready for Christmas? Start with {name}", $"Your December picks: {name}", $"For December: {name}"]
            : [$"Your {month} picks: {name}", $"{month} ideas for you: {name}", $"Something for {month}: {name}"];
        return Pick(lines, seed) is { } subject
            ? new Angle(Season, subject, item, PriceSaid: false)
            : new Angle(Season, $"Your {month} picks are here", null, PriceSaid: false);
    }

    // One of the lines that fit, chosen by the email id; null when none fits.
    private static string? Pick(string?[] lines, uint seed)
    {
        var fitting = lines.OfType<string>().Where(line => line.Length <= TemplateCopyWriter.MaxSubjectLength).ToList();
        return fitting.Count == 0 ? null : fitting[(int)(seed / 5 % (uint)fitting.Count)];
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
