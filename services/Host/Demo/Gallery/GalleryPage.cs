using System.Globalization;
using System.Net;
using System.Text;
using Tailor.ContentGeneration.Copy;
using Tailor.Contracts;

namespace Tailor.Host.Demo.Gallery;

/// <summary>
/// Renders <c>index.html</c>: the campaign in a few numbers, a topic index to jump by, and one card per email with its
/// preview beside the facts that made it. Plain HTML and CSS, no script: the topic index is anchors, and the browser's
/// find (Ctrl+F) searches every customer id, product and subject because every card is on the one page. Previews load
/// lazily, so a run of thousands of emails stays a light page. Every text from data is HTML-escaped.
/// </summary>
public static class GalleryPage
{
    /// <summary>More cards than this and the page would be heavy to open; the rest are in <c>emails.jsonl</c>.</summary>
    public const int MaxCards = 5000;

    public const string NoTopic = "No topic yet";

    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, string> SuppressionWords = new(StringComparer.Ordinal)
    {
        [SuppressionReasons.NoConsent] = "no marketing consent",
        [SuppressionReasons.Suppressed] = "unsubscribed, complained or bounced before",
        [SuppressionReasons.NoAddress] = "no usable email address",
        [SuppressionReasons.NoContent] = "nothing to recommend yet",
        [SuppressionReasons.FrequencyCap] = "already had enough emails this period",
        [SuppressionReasons.Fatigue] = "resting: stopped opening and clicking",
        [SuppressionReasons.QuietHours] = "the whole window fell in their quiet hours",
    };

    public static string Render(GalleryCampaign campaign, DemoSummary summary, IReadOnlyList<GalleryCard> cards)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(cards);
        var topics = cards.Take(MaxCards)
            .GroupBy(card => card.Facts.Topic ?? NoTopic, StringComparer.Ordinal)
            .OrderByDescending(topic => topic.Count()).ThenBy(topic => topic.Key, StringComparer.Ordinal)
            .Select((topic, index) => (Id: $"topic-{index + 1}", Label: topic.Key, Cards: topic.OrderBy(card => card.Email.UserId, StringComparer.Ordinal).ToList()))
            .ToList();

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E($"{campaign.Name}: {summary.Emails:N0} emails and why")).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#emails\">Skip to the emails</a>\n");
        Header(html, campaign, summary, topics.Select(t => (t.Id, t.Label, t.Cards.Count)).ToList(), cards);
        html.Append("<main id=\"emails\">\n");
        foreach (var (id, label, topicCards) in topics)
        {
            html.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">")
                .Append(E(label)).Append(" <span class=\"count\">").Append(Count(topicCards.Count, "email")).Append("</span></h2>\n");
            foreach (var card in topicCards)
            {
                Card(html, card);
            }

            html.Append("<p class=\"top\"><a href=\"#topics\">Back to the topics</a></p>\n</section>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static readonly Dictionary<SendTimeChoice, string> ChoiceWords = new()
    {
        [SendTimeChoice.BestHour] = "at their best hour",
        [SendTimeChoice.BestOutsideQuietHours] = "at their best hour outside quiet hours",
        [SendTimeChoice.BestInsideWindow] = "at their best hour inside the window",
        [SendTimeChoice.Trial] = "at a trial hour, to learn",
        [SendTimeChoice.NoHabit] = "at the first allowed hour (no habit known)",
    };

    private static void Header(StringBuilder html, GalleryCampaign campaign, DemoSummary summary, List<(string Id, string Label, int Count)> topics, IReadOnlyList<GalleryCard> cards)
    {
        var totalCards = cards.Count;
        html.Append("<header>\n<h1>").Append(E(campaign.Name)).Append(": why each customer got their email</h1>\n")
            .Append("<p class=\"goal\">").Append(E(campaign.Goal)).Append(". Each card shows the email on the left and, on the right, ")
            .Append("what Tailor knew about the customer when it wrote it: their recent orders, their taste, why each product is in it and why it goes out at that hour.</p>\n")
            .Append("<dl class=\"summary\">\n")
            .Append("<div><dt>Emails</dt><dd>").Append(E(summary.Emails.ToString("N0", English))).Append("</dd></div>\n")
            .Append("<div><dt>Not sent</dt><dd>").Append(E(summary.Suppressed.ToString("N0", English)));
        if (summary.SuppressedByReason.Count > 0)
        {
            var reasons = summary.SuppressedByReason.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => $"{r.Value.ToString("N0", English)} {SuppressionWords.GetValueOrDefault(r.Key, r.Key)}");
            html.Append(" <span class=\"detail\">(").Append(E(string.Join("; ", reasons))).Append(")</span>");
        }

        html.Append("</dd></div>\n")
            .Append("<div><dt>Send hours</dt><dd class=\"list\">").Append(E(SendHours(cards))).Append("</dd></div>\n")
            .Append("<div><dt>Customers</dt><dd>").Append(E(summary.Users.ToString("N0", English))).Append("</dd></div>\n")
            .Append("<div><dt>Send window</dt><dd>").Append(E($"{Day(campaign.WindowStart)} to {Day(campaign.WindowEnd)} (UTC)")).Append("</dd></div>\n")
            .Append("<div><dt>Run time</dt><dd>").Append(E($"{summary.Elapsed.TotalSeconds.ToString("0", English)} s for {summary.Events.ToString("N0", English)} events")).Append("</dd></div>\n")
            .Append("</dl>\n")
            .Append("<p class=\"campaign\">Campaign <code>").Append(E(campaign.Id)).Append("</code>. Files beside this page: ")
            .Append("<code>emails.jsonl</code> (what senders receive), <code>suppressed.jsonl</code>, <code>summary.json</code>, <code>previews/</code>.</p>\n");
        if (totalCards > MaxCards)
        {
            html.Append("<p class=\"cap\">This page shows the first ").Append(MaxCards.ToString("N0", English)).Append(" of ")
                .Append(totalCards.ToString("N0", English)).Append(" emails; every email is in <code>emails.jsonl</code> and <code>previews/</code>.</p>\n");
        }

        html.Append("<nav id=\"topics\" aria-labelledby=\"topics-heading\">\n<h2 id=\"topics-heading\">Browse by taste</h2>\n")
            .Append("<p>Customers are grouped by the topic their orders belong to most. To find a customer, product or subject, ")
            .Append("use your browser's find (Ctrl+F, or ⌘F on a Mac).</p>\n<ul>\n");
        foreach (var (id, label, count) in topics)
        {
            html.Append("<li><a href=\"#").Append(id).Append("\">").Append(E(label)).Append("</a> <span class=\"count\">")
                .Append(count.ToString("N0", English)).Append("</span></li>\n");
        }

        html.Append("</ul>\n</nav>\n</header>\n");
    }

    // The control group's sends go out at the window's first allowed hour whatever SendTime would choose, so they are
    // counted apart: told as a story, their hour would look like a trial.
    private static string SendHours(IReadOnlyList<GalleryCard> cards)
    {
        var personalised = cards.Where(card => !card.IsControl).ToList();
        var byChoice = personalised.GroupBy(card => card.SendTime.Choice).OrderBy(choice => choice.Key)
            .Select(choice => $"{choice.Count().ToString("N0", English)} {ChoiceWords[choice.Key]}");
        var control = cards.Count - personalised.Count;
        var parts = control > 0 ? byChoice.Append($"{control.ToString("N0", English)} in the control group, at its default hour") : byChoice;
        return cards.Count == 0 ? "none" : string.Join("; ", parts);
    }

    private static void Card(StringBuilder html, GalleryCard card)
    {
        var email = card.Email;
        var facts = card.Facts;
        var cardId = $"email-{email.EmailId:N}";
        html.Append("<article class=\"card\" id=\"").Append(cardId).Append("\" aria-labelledby=\"").Append(cardId).Append("-h\">\n")
            .Append("<h3 id=\"").Append(cardId).Append("-h\">Customer ").Append(E(email.UserId));
        if (facts.Country is { Length: > 0 } country)
        {
            html.Append(" <span class=\"where\">").Append(E(country)).Append("</span>");
        }

        html.Append("</h3>\n<div class=\"preview\">\n<div class=\"frame\"><iframe src=\"").Append(E(card.PreviewHref))
            .Append("\" loading=\"lazy\" width=\"600\" height=\"900\" tabindex=\"-1\" title=\"")
            .Append(E($"The email to customer {email.UserId}")).Append("\"></iframe></div>\n")
            .Append("<a href=\"").Append(E(card.PreviewHref)).Append("\">Open the email full size</a>\n</div>\n")
            .Append("<dl class=\"facts\">\n");
        var isControl = card.IsControl;
        if (isControl)
        {
            // Held out at random to measure what personalisation adds: its email is deliberately not about the customer.
            Fact(html, "Control group", E("Held out at random to measure the lift of personalisation: this week's bestsellers, "
                + "the same subject for everyone, at the window's first hour outside quiet hours."));
        }

        Fact(html, "Subject", E(email.Subject));
        Fact(html, "Preheader", email.Preheader.Length > 0 ? E(email.Preheader) : "<em>none</em>");
        Fact(html, "Their taste (topic)", facts.Topic is { } topic ? E(topic) : "<em>not learned yet</em>");
        Fact(html, "Recent orders", Orders(facts));
        Fact(html, "What the email shows, and why", Items(email, facts, isControl));
        Fact(html, "Send time", SendTime(card.SendTime, isControl));
        html.Append("</dl>\n</article>\n");
    }

    private static void Fact(StringBuilder html, string term, string descriptionHtml) =>
        html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(descriptionHtml).Append("</dd>\n");

    private static string Orders(CustomerFacts facts)
    {
        if (facts.RecentOrders.Count == 0)
        {
            return "<em>no orders Tailor knows of</em>";
        }

        const int linesShown = 4;
        var html = new StringBuilder("<ul class=\"orders\">");
        foreach (var order in facts.RecentOrders)
        {
            // Quantity after the name: catalog names often start with a number of their own ("60 CAKE CASES").
            var lines = order.Lines.Take(linesShown).Select(line => $"{ProductNames.Natural(line.Name)} (×{line.Quantity.ToString("0.##", English)})");
            var more = order.Lines.Count > linesShown ? $" and {Count(order.Lines.Count - linesShown, "more item")}" : string.Empty;
            html.Append("<li><time datetime=\"").Append(E(order.PlacedAt.ToString("yyyy-MM-dd", English))).Append("\">")
                .Append(E(Day(order.PlacedAt))).Append("</time>: ").Append(E(string.Join(", ", lines) + more)).Append("</li>");
        }

        html.Append("</ul><p class=\"detail\">");
        html.Append(E(facts.OrderCount > facts.RecentOrders.Count
            ? $"{Count(facts.OrderCount, "order")} in all; the latest {facts.RecentOrders.Count} shown."
            : $"{Count(facts.OrderCount, "order")} in all.")).Append("</p>");

        return html.ToString();
    }

    private static string Items(EmailReady email, CustomerFacts facts, bool isControl)
    {
        var html = new StringBuilder("<ol class=\"items\">");
        foreach (var itemId in email.ItemIds)
        {
            html.Append("<li><span class=\"item\">").Append(E(facts.TitleOf(itemId) ?? itemId)).Append("</span> <span class=\"reason\">")
                .Append(E(isControl ? "a bestseller, shown to everyone in the control group" : facts.ReasonFor(itemId) ?? "reason not recorded"))
                .Append("</span></li>");
        }

        return html.Append("</ol>").ToString();
    }

    private static string SendTime(SendTimeStory story, bool isControl)
    {
        var html = new StringBuilder("<p><strong>").Append(E(story.When)).Append("</strong> their time (").Append(E(story.Clock)).Append(").</p>");
        if (story.Habit is { } habit)
        {
            html.Append("<p>").Append(E(habit)).Append("</p>");
        }

        var why = isControl ? "The control group's default hour: the first hour of the window outside their quiet hours, not their best one." : story.Why;
        return html.Append("<p>").Append(E(why)).Append("</p>").ToString();
    }

    private static string Day(DateTimeOffset at) => at.ToString("d MMM yyyy", English);

    private static string Count(int count, string noun) => $"{count.ToString("N0", English)} {noun}{(count == 1 ? string.Empty : "s")}";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """

        :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #f6f7f9; }
        body { margin: 0 auto; max-width: 1200px; padding: 0 1.25rem 3rem; line-height: 1.45; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
        header { padding: 1.5rem 0 .5rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
        .goal { margin: 0 0 1rem; max-width: 70ch; color: #424a53; }
        .summary { display: flex; flex-wrap: wrap; gap: .75rem; margin: 0 0 .75rem; }
        .summary div { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: .5rem .9rem; }
        .summary dt { font-size: .8rem; color: #57606a; } .summary dd { margin: 0; font-size: 1.25rem; font-weight: 600; }
        .summary dd.list { max-width: 32rem; font-size: .95rem; font-weight: 400; }
        .summary .detail { font-size: .85rem; font-weight: 400; color: #57606a; }
        .campaign, .cap, .detail { font-size: .85rem; color: #57606a; }
        nav { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: .25rem 1rem .75rem; }
        nav h2 { font-size: 1.1rem; } nav p { margin: 0 0 .5rem; font-size: .9rem; }
        nav ul { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; margin: 0; padding: 0; }
        nav li a { display: inline-block; padding: .25rem .6rem; border-radius: 999px; background: #eef2ff; color: #1d3f8f; text-decoration: none; }
        nav li a:hover, nav li a:focus { background: #d7e0ff; }
        .count { font-size: .8rem; color: #57606a; font-weight: 400; }
        section > h2 { margin: 2rem 0 .75rem; font-size: 1.3rem; border-bottom: 2px solid #d0d7de; padding-bottom: .25rem; }
        .card { display: grid; grid-template-columns: 300px 1fr; gap: 0 1.5rem; background: #fff; border: 1px solid #d0d7de; border-radius: 10px; padding: 1rem 1.25rem; margin: 0 0 1rem; }
        .card:target { outline: 3px solid #1d3f8f; }
        .card h3 { grid-column: 1 / -1; margin: 0 0 .75rem; font-size: 1.05rem; }
        .where { font-weight: 400; color: #57606a; } .where::before { content: "· "; }
        .frame { width: 300px; height: 450px; overflow: hidden; border: 1px solid #d0d7de; border-radius: 6px; background: #fff; }
        .frame iframe { width: 600px; height: 900px; border: 0; transform: scale(.5); transform-origin: 0 0; pointer-events: none; }
        .preview a { display: inline-block; margin-top: .4rem; font-size: .9rem; }
        .facts { display: grid; grid-template-columns: 11rem 1fr; gap: .5rem 1rem; margin: 0; align-content: start; }
        .facts dt { font-weight: 600; color: #424a53; } .facts dd { margin: 0; }
        .facts p { margin: 0 0 .3rem; } .facts ul, .facts ol { margin: 0; padding-left: 1.2rem; }
        .reason { display: block; font-size: .9rem; color: #1a7f37; }
        .top { font-size: .9rem; }
        @media (max-width: 760px) { .card { grid-template-columns: 1fr; } .facts { grid-template-columns: 1fr; } .facts dt { margin-top: .4rem; } }

        """;
}
