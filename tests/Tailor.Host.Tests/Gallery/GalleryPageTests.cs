using System.Net;
using System.Text.RegularExpressions;
using Tailor.ContentGeneration.Copy;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Host.Demo.Gallery;

namespace Tailor.Host.Tests.Gallery;

public class GalleryPageTests
{
    private static readonly DateTimeOffset WindowStart = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly GalleryCampaign Campaign = new("campaign-1", "Winter <sale>", "Bring customers back", WindowStart, WindowStart.AddDays(7));

    [Fact]
    public void Render_is_an_accessible_document_with_one_card_per_email_and_its_facts()
    {
        var cards = new[]
        {
            Card("12348", "set red retrospot & cake cases", "PACK OF 72 RETROSPOT CAKE CASES", "because you bought PACK OF 60 PINK PAISLEY CAKE CASES"),
            Card("12383", "jumbo bag & dolly girl design", "JUMBO BAG RED RETROSPOT", "you bought this before"),
            Card("12400", "jumbo bag & dolly girl design", "LUNCH BAG RED RETROSPOT", "popular right now"),
        };

        var html = GalleryPage.Render(Campaign, Summary(cards.Length, new Dictionary<string, int> { ["no-consent"] = 2 }), cards);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Winter &lt;sale&gt;: 3 emails and why</title>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<h1>"));
        Assert.Equal(3, Regex.Matches(html, "<article class=\"card\"").Count);
        Assert.Equal(3, Regex.Matches(html, "<iframe src=\"previews/[0-9]+\\.html\" loading=\"lazy\"[^>]* title=\"The email to customer [0-9]+\"").Count);
        Assert.Contains("2 no marketing consent", html, StringComparison.Ordinal);
        Assert.Contains("3 at their best hour", html, StringComparison.Ordinal);

        // The topic index links to one section per topic, the biggest first.
        var links = Regex.Matches(html, "<li><a href=\"#(topic-[0-9]+)\">([^<]+)</a>").Select(m => (Id: m.Groups[1].Value, Label: m.Groups[2].Value)).ToList();
        Assert.Equal(["jumbo bag &amp; dolly girl design", "set red retrospot &amp; cake cases"], links.Select(l => l.Label));
        Assert.All(links, link => Assert.Contains($"<h2 id=\"{link.Id}\">{link.Label} ", html, StringComparison.Ordinal));

        foreach (var card in cards)
        {
            var article = Regex.Match(html, $"<article[^>]*>\\s*<h3[^>]*>Customer {card.Email.UserId}.*?</article>", RegexOptions.Singleline).Value;
            Assert.Contains("<dt>Subject</dt><dd>Picks for you</dd>", article, StringComparison.Ordinal);
            Assert.Contains($"<dt>Their taste (topic)</dt><dd>{card.Facts.Topic!.Replace("&", "&amp;", StringComparison.Ordinal)}</dd>", article, StringComparison.Ordinal);
            Assert.Contains("White hanging heart T-light holder (&#215;6)", article, StringComparison.Ordinal);
            Assert.Contains("1 order in all.", article, StringComparison.Ordinal);
            // The item and its reason as the email words them, not the catalog's capitals or the recommender's raw note.
            var item = card.Facts.Recommendations[0];
            Assert.Contains($"<span class=\"item\">{WebUtility.HtmlEncode(ProductNames.Natural(item.Title))}</span>", article, StringComparison.Ordinal);
            Assert.Contains($"<span class=\"reason\">{WebUtility.HtmlEncode(ReasonWords.For(item, card.Facts.Topic))}</span>", article, StringComparison.Ordinal);
            Assert.Contains("<strong>Wed 7 Jan, 12:00</strong> their time (UTC)", article, StringComparison.Ordinal);
            Assert.Contains("Their best hour of the week (Wed 12:00)", article, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_counts_the_control_groups_sends_apart_from_the_personalised_ones()
    {
        var control = Card("12400", "topic", "ITEM", "popular right now");
        control = control with { Email = control.Email with { Arm = CampaignArms.Control } };
        var cards = new[] { Card("12348", "topic", "ITEM", "popular right now"), Card("12383", "topic", "ITEM", "popular right now"), control };

        var html = GalleryPage.Render(Campaign, Summary(cards.Length, new Dictionary<string, int>()), cards);

        Assert.Contains("<dt>Send hours</dt><dd class=\"list\">2 at their best hour; 1 in the control group, at its default hour</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_escapes_every_text_that_comes_from_data()
    {
        var hostile = Card("<script>alert(1)</script>", "<b>topic</b>", "MUG \"HOME\" & <GARDEN>", "because you bought <img src=x onerror=alert(1)>") with { };
        hostile = hostile with { Email = hostile.Email with { Subject = "<i>Hi</i> & welcome", Preheader = "\"quoted\" 'single'" } };

        var html = GalleryPage.Render(Campaign, Summary(1, new Dictionary<string, int> { ["<odd reason>"] = 1 }), [hostile]);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<odd", html, StringComparison.Ordinal);
        Assert.Contains("Customer &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(ProductNames.Natural("MUG \"HOME\" & <GARDEN>")), html, StringComparison.Ordinal);
        Assert.DoesNotContain("<GARDEN>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;i&gt;Hi&lt;/i&gt; &amp; welcome", html, StringComparison.Ordinal);
        Assert.Contains("&quot;quoted&quot; &#39;single&#39;", html, StringComparison.Ordinal);
        // The preview's file name is made safe by the writer, and the attribute is escaped all the same.
        Assert.Contains($"src=\"{DemoOutputWriter.PreviewPath("<script>alert(1)</script>")}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_caps_a_very_big_run_and_says_where_the_rest_is()
    {
        var cards = Enumerable.Range(0, GalleryPage.MaxCards + 2).Select(i => Card($"u{i}", "topic", "ITEM", "popular right now")).ToList();

        var html = GalleryPage.Render(Campaign, Summary(cards.Count, new Dictionary<string, int>()), cards);

        Assert.Equal(GalleryPage.MaxCards, Regex.Matches(html, "<article class=\"card\"").Count);
        Assert.Contains($"first {GalleryPage.MaxCards:N0} of {cards.Count:N0} emails", html, StringComparison.Ordinal);
    }

    private static DemoSummary Summary(int emails, Dictionary<string, int> suppressed) =>
        new(2285, emails + suppressed.Values.Sum(), emails, suppressed, 0, TimeSpan.FromSeconds(93), new DirectoryInfo(Path.GetTempPath()));

    private static GalleryCard Card(string userId, string topic, string itemTitle, string reason)
    {
        var sendAt = new DateTimeOffset(2026, 1, 7, 12, 0, 0, TimeSpan.Zero);
        var email = new EmailReady(
            Guid.NewGuid(), userId, WindowStart, Guid.NewGuid(), Campaign.Id, $"customer-{userId}@example.com", "Picks for you", "Chosen from your orders",
            string.Empty, string.Empty, new Dictionary<string, string>(), sendAt, "template:v1", ["item-1"]);
        var slice = SendTimeStoryTests.SliceWithPeaks((60, 10));
        var facts = new CustomerFacts(
            userId,
            "United Kingdom",
            topic,
            [new PastOrder("536365", new DateTimeOffset(2010, 12, 1, 8, 26, 0, TimeSpan.Zero), [new OrderLine("WHITE HANGING HEART T-LIGHT HOLDER", 6)])],
            1,
            [new RecommendedItem("item-1", itemTitle, 2.55m, 0.9, reason)],
            slice);
        var story = SendTimeStory.Tell(slice, sendAt, Campaign.WindowStart, Campaign.WindowEnd, SendTimeStoryTests.Schedule);
        return new GalleryCard(email, facts, story, DemoOutputWriter.PreviewPath(userId));
    }
}
