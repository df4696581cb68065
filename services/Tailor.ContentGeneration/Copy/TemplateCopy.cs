using Tailor.ContentGeneration.Composition;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Copy;

/// <summary>
/// The template composer's words for one email: the subject variants it offers (the item angle first), each with the
/// preheader that goes with it, and the opening paragraph.
/// </summary>
public sealed record TemplateCopy(IReadOnlyList<SubjectVariant> Variants, string Intro)
{
    /// <summary>The item angle's subject: what the email says when no test chooses another.</summary>
    public string Subject => Variants[0].Subject;

    public string Preheader => Variants[0].Preheader;
}

/// <summary>One subject the composer offers, under its angle's stable id (<see cref="SubjectAngles"/>), with its preheader.</summary>
public sealed record SubjectVariant(string Id, string Subject, string Preheader);

/// <summary>
/// Writes a subject from the reader's own signals, most personal first: something they re-order, something like what
/// they bought, the first new pick, their topic. Each situation has several templates; which one an email gets is
/// fixed by its id, so a redelivered email reads the same and neighbours read differently. The preheader then adds what
/// the subject did not say (the rhythm of a re-order, the other picks, a price), and the intro says what the sections are.
/// </summary>
public static class TemplateCopyWriter
{
    public const int MaxSubjectLength = 60;
    public const int MaxPreheaderLength = 100;

    /// <param name="price">Formats a price as the email prints it.</param>
    public static TemplateCopy Write(EmailFacts facts, string brand, Func<decimal, string> price)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(price);
        var seed = Seed(facts.EmailId);
        var firstName = CopyText.SingleLine(facts.FirstName);
        var topic = TopicPhrase.Short(facts.TopicLabel);
        var shown = facts.Grouped().SelectMany(section => section.Items).ToList();
        var (subject, about) = Subject(shown, firstName, topic, brand, seed);
        var variants = new List<SubjectVariant> { new(SubjectAngles.Item, subject, Preheader(shown, about, subject, brand, price, seed, priceSaid: false)) };
        foreach (var angle in SubjectAngles.Others(shown, topic, facts.SendAt, price, seed))
        {
            // Two angles that happen to read the same are one variant.
            if (variants.TrueForAll(variant => !string.Equals(variant.Subject, angle.Subject, StringComparison.OrdinalIgnoreCase)))
            {
                variants.Add(new SubjectVariant(angle.Id, angle.Subject, Preheader(shown, angle.About, angle.Subject, brand, price, seed, angle.PriceSaid)));
            }
        }

        return new TemplateCopy(variants, Intro(facts.Grouped(), topic, seed));
    }

    /// <summary>The subject and the item it names, if any (the preheader then talks about the others).</summary>
    private static (string Subject, RecommendedItem? About) Subject(
        IReadOnlyList<RecommendedItem> items, string? firstName, string? topic, string brand, uint seed)
    {
        // Every situation the reader's signals support competes; the email id picks one, then one of its templates.
        var situations = Situations(items, firstName, topic, seed)
            .Select(situation => (situation.About, Fitting: situation.Templates.OfType<string>().Where(line => line.Length <= MaxSubjectLength).ToList()))
            .Where(situation => situation.Fitting.Count > 0)
            .ToList();
        if (situations.Count > 0)
        {
            var (about, fitting) = situations[(int)(seed % (uint)situations.Count)];
            return (fitting[(int)(seed / (uint)situations.Count % (uint)fitting.Count)], about);
        }

        string[] plain = firstName is not null && $"{firstName}, we picked these for you".Length <= MaxSubjectLength
            ? [$"{firstName}, we picked these for you", $"{firstName}, a few things we chose for you"]
            : ["A few things we picked for you", $"Picked for you at {brand}"];
        return (CopyText.Fit(plain[seed % 2], MaxSubjectLength), null);
    }

    // Null entries are templates that need a fact this email does not have.
    private static IEnumerable<(RecommendedItem? About, string?[] Templates)> Situations(IReadOnlyList<RecommendedItem> items, string? firstName, string? topic, uint seed)
    {
        // The re-order most often due is named; when none has a rhythm, any of the reader's re-orders may be.
        var reorders = items.Where(ReasonWords.IsReorder).ToList();
        var due = reorders.Where(item => ReasonWords.Rhythm(item.ReorderInterval) is not null).MinBy(item => item.ReorderInterval);
        if ((due ?? (reorders.Count > 0 ? reorders[(int)(seed / 11 % (uint)reorders.Count)] : null)) is { } regular)
        {
            var name = Name(regular);
            yield return (regular,
            [
                $"Time to restock your {name}?",
                $"Running low on {name}?",
                $"Your {name}, ready to order again",
                $"Ready for more {name}?",
                firstName is null ? null : $"{firstName}, time for more {name}?",
                ReasonWords.Rhythm(regular.ReorderInterval) is null ? null : $"Your usual {name} is waiting",
                items.FirstOrDefault(item => !ReferenceEquals(item, regular)) is { } other ? $"Your {name} and {Name(other)}, ready" : null,
                items.FirstOrDefault(item => !ReferenceEquals(item, regular)) is { } next ? $"Restock your {name}, plus {Name(next)}" : null,
            ]);
        }

        var newItems = items.Where(item => !ReasonWords.IsReorder(item)).ToList();
        if (newItems.FirstOrDefault(item => item.ReasonKind == ReasonKinds.BecauseYouBought && CopyText.SingleLine(item.ReasonItemTitle) is not null) is { } match)
        {
            var bought = ProductNames.InSentence(CopyText.SingleLine(match.ReasonItemTitle)!);
            yield return (match,
            [
                $"Picked to go with your {bought}",
                $"Loved your {bought}? Try {Name(match)}",
                $"Something new to go with your {bought}",
                $"More ideas for your {bought}",
                firstName is null ? null : $"{firstName}, we found a match for your {bought}",
            ]);
        }

        if (newItems.FirstOrDefault() is { } pick)
        {
            var name = Name(pick);
            var more = newItems.Count - 1;
            yield return (pick,
            [
                more > 0 ? $"{ProductNames.Natural(CopyText.SingleLine(pick.Title)!)} and {MorePicks(more)} for you" : null,
                $"We think you will like {name}",
                $"Have you seen {name}?",
                $"Picked for you: {name}",
                firstName is null ? null : $"{firstName}, we picked {name} for you",
                topic is null ? null : $"For {topic} fans: {name}",
                newItems.Count > 1 ? $"{ProductNames.Natural(CopyText.SingleLine(pick.Title)!)} and {Name(newItems[1])} for you" : null,
            ]);
        }

        // The topic alone only when no item gave the subject something to say.
        if (topic is not null && items.Count == 0)
        {
            yield return (null,
            [
                $"New finds for {topic} fans",
                $"Fresh {topic} ideas, picked for you",
                firstName is null ? null : $"{firstName}, fresh {topic} ideas for you",
            ]);
        }
    }

    /// <param name="subject">The subject it goes with: a rhythm the subject gives ("…: you order it every week or so") is not said again.</param>
    /// <param name="priceSaid">The subject already gave the lowest price, so the preheader does not repeat it.</param>
    private static string Preheader(
        IReadOnlyList<RecommendedItem> items, RecommendedItem? about, string subject, string brand, Func<decimal, string> price, uint seed, bool priceSaid)
    {
        var lead = about is not null && ReasonWords.IsReorder(about) && ReasonWords.Rhythm(about.ReorderInterval) is { } rhythm
            && !subject.Contains(rhythm, StringComparison.OrdinalIgnoreCase)
            ? $"You order it {rhythm}. "
            : string.Empty;
        // A subject about what the pick goes with ("Picked to go with your …") does not name the pick: the preheader
        // names it first, rather than going on to the next item as if the reader knew the first.
        if (about is not null && !subject.Contains(Name(about), StringComparison.OrdinalIgnoreCase))
        {
            items = [about, .. items.Where(item => !ReferenceEquals(item, about))];
            about = null;
        }

        var others = items.Where(item => !ReferenceEquals(item, about)).ToList();
        string text;
        if (others.Count == 0)
        {
            text = about is null || priceSaid
                ? $"{lead}Picked for you at {brand}"
                : $"{lead}{price(about.Price)} at {brand}, picked for you";
        }
        else
        {
            var next = Name(others[0]);
            var rest = others.Count - 1;
            var tail = (rest, priceSaid) switch
            {
                (0, true) => string.Empty,
                (0, false) => $", {price(others[0].Price)}",
                (_, true) => $" and {rest} more",
                _ => $" and {rest} more, from {price(others.Min(item => item.Price))}",
            };
            string[] openers = about is null ? ["Inside: ", "Starting with "] : ["Also inside: ", "Plus "];
            var opener = lead + openers[seed / 7 % 2];
            var room = Math.Max(MaxPreheaderLength - opener.Length - tail.Length, 12);
            text = opener + CopyText.Fit(next, room) + tail;
        }

        return CopyText.Fit(text, MaxPreheaderLength);
    }

    private static string Intro(IReadOnlyList<EmailSection> sections, string? topic, uint seed)
    {
        var reorders = sections.Where(section => section.Name == EmailSections.BuyAgain).SelectMany(section => section.Items).ToList();
        var discoveries = sections.Any(section => section.Name == EmailSections.NewForYou);
        // "The things you come back for" and "your regulars" only for a reader who has come back: an item ordered once
        // is something they ordered before, not a regular of theirs.
        var regulars = reorders.Any(item => item.TimesBought >= 2);
        string[] lines = (reorders.Count > 0, regulars, discoveries) switch
        {
            (true, true, true) =>
            [
                "Here are the things you come back for, and a few new ones we think you will like. Each one says why we picked it.",
                "Your regulars are ready to order again, and we found some new things to go with them. Each one says why it is here.",
            ],
            (true, true, false) =>
            [
                "Here are the things you come back for, ready when you are.",
                "Your regulars, in one place and ready to order again.",
            ],
            (true, false, true) =>
            [
                "Here is what you ordered before, ready to order again, and a few new things we think you will like. Each one says why we picked it.",
                "Your earlier picks are ready to order again, and we found some new things to go with them. Each one says why it is here.",
            ],
            (true, false, false) =>
            [
                "Here is what you ordered before, ready when you are.",
                "Your earlier picks, in one place and ready to order again.",
            ],
            _ when topic is not null =>
            [
                $"We picked these from what you order, with a nod to your love of {topic}. Each one says why it is here.",
                "We chose these from what you have ordered before. Each one says why we picked it.",
            ],
            _ =>
            [
                "We chose these from what you have ordered before. Each one says why we picked it.",
                "A few things we think you will like, each with the reason we picked it.",
            ],
        };
        return lines[seed / 3 % (uint)lines.Length];
    }

    // Two re-orders and two new items is the usual email, so "and 1 more picks" would be the common case, not a corner.
    private static string MorePicks(int count) => count == 1 ? "one more pick" : $"{count} more picks";

    internal static string Name(RecommendedItem item) => ProductNames.InSentence(CopyText.SingleLine(item.Title) ?? item.ItemId);

    // The email id's first bytes: stable across processes and redeliveries, unlike string hashes.
    internal static uint Seed(Guid emailId) => BitConverter.ToUInt32(emailId.ToByteArray(), 0);
}
