using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Composition;
using Tailor.Contracts;
using Tailor.Messaging;

namespace Tailor.ContentGeneration.Tests;

public sealed partial class TemplateComposerTests
{
    private static readonly Guid EmailId = Guid.Parse("6f1c2a4e-0d7b-4c1e-9a53-2b8f3e1d7c90");

    private static readonly ContentGenerationOptions Settings = new()
    {
        TrackingBaseUrl = "https://click.shop.test/",
        UnsubscribeBaseUrl = "https://unsubscribe.shop.test",
    };

    private static readonly TemplateComposer Composer = new(Options.Create(Settings), new EmailLayout(Options.Create(Settings), new EmailLinks(Options.Create(Settings), new LinkSignature(LinkSigningOptions.DevelopmentKey))));

    [Fact]
    public void Compose_shows_exactly_the_recommended_titles_and_prices()
    {
        var shown = OnlineRetailProducts.First(4);
        var notShown = OnlineRetailProducts.First(12).Skip(4).ToList();

        var email = Composer.Compose(Facts(shown));

        Assert.Equal(shown.Select(item => item.ItemId), email.ItemIds);
        foreach (var item in shown)
        {
            Assert.Contains(item.Title, email.HtmlBody, StringComparison.Ordinal);
            Assert.Contains(item.Title, email.TextBody, StringComparison.Ordinal);
        }

        foreach (var item in notShown)
        {
            Assert.DoesNotContain(item.Title, email.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain(item.Title, email.TextBody, StringComparison.Ordinal);
        }

        // Every price the copy states is a shown item's price, and every shown item's price is stated.
        var expectedPrices = shown.Select(item => "£" + item.Price.ToString("N2", CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(expectedPrices, Prices().Matches(email.TextBody).Select(match => match.Value).ToHashSet());
        Assert.Equal(expectedPrices, Prices().Matches(email.HtmlBody).Select(match => match.Value).ToHashSet());
    }

    [Fact]
    public void Compose_uses_the_profile_facts_in_subject_greeting_and_intro()
    {
        var email = Composer.Compose(Facts(OnlineRetailProducts.First(2)));

        Assert.Equal("Anna, new heart, holder, light picks for you", email.Subject);
        Assert.StartsWith("Hi Anna,\n\nAutumn favourites: new heart, holder, light picks we chose for you.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h1 style=\"font-size:22px;margin:0 0 16px;\">Hi Anna,</h1>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_html_encodes_a_title_with_a_script_tag()
    {
        RecommendedItem[] items = [new("85123A", "<script>alert('x')</script> HEART & HOLDER", 2.55m, 1, "popular right now")];

        var email = Composer.Compose(Facts(items) with { FirstName = "<b>Eve</b>" });

        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; HEART &amp; HOLDER", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hi &lt;b&gt;Eve&lt;/b&gt;,", email.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Anna", "heart, holder, light", "Anna, new heart, holder, light picks for you")]
    [InlineData("Maximiliana-Konstantina", "christmas, paper, decoration", "Maximiliana-Konstantina, new christmas picks for you")]
    [InlineData("Wolfeschlegelsteinhausenbergerdorff-Alexandrina", "christmas, paper, decoration", "New christmas, paper, decoration picks for you")]
    [InlineData(null, "heart, holder, light", "New heart, holder, light picks for you")]
    [InlineData("Anna", "hot water bottle & hand warmer", "Anna, new hot water bottle & hand warmer picks for you")]
    [InlineData("Maximiliana-Konstantina", "hot water bottle & hand warmer", "Maximiliana-Konstantina, new hot water bottle picks for you")]
    [InlineData("Anna", null, "Anna, new picks for you")]
    [InlineData(null, null, "New picks for you from Tailor Shop")]
    [InlineData("  \r\n ", " ", "New picks for you from Tailor Shop")]
    public void Compose_subject_falls_back_to_fewer_facts_and_never_exceeds_sixty_characters(string? firstName, string? topic, string expected)
    {
        var email = Composer.Compose(Facts(OnlineRetailProducts.First(1)) with { FirstName = firstName, TopicLabel = topic });

        Assert.Equal(expected, email.Subject);
        Assert.InRange(email.Subject.Length, 1, TemplateComposer.MaxSubjectLength);
    }

    [Fact]
    public void Compose_subject_and_preheader_are_single_lines_even_when_profile_text_has_line_breaks()
    {
        RecommendedItem[] items = [new("22423", "REGENCY CAKESTAND\r\nBcc: victim@example.com", 12.75m, 1, "popular right now")];

        var email = Composer.Compose(Facts(items) with { FirstName = "Anna\r\nBcc: victim@example.com" });

        Assert.DoesNotContain('\n', email.Subject);
        Assert.DoesNotContain('\r', email.Subject);
        Assert.DoesNotContain('\n', email.Preheader);
        Assert.DoesNotContain('\r', email.Preheader);
    }

    [Fact]
    public void Compose_preheader_names_the_first_pick_and_never_exceeds_a_hundred_characters()
    {
        var items = OnlineRetailProducts.First(4);
        RecommendedItem[] longTitle = [items[0] with { Title = string.Join(' ', Enumerable.Repeat("VERY LONG VINTAGE CHRISTMAS", 8)) }, .. items.Skip(1)];

        var email = Composer.Compose(Facts(items));
        var truncated = Composer.Compose(Facts(longTitle));

        Assert.StartsWith(items[0].Title + " and 3 more picks for you at Tailor Shop, from £", email.Preheader, StringComparison.Ordinal);
        Assert.InRange(email.Preheader.Length, 1, TemplateComposer.MaxPreheaderLength);
        Assert.InRange(truncated.Preheader.Length, 1, TemplateComposer.MaxPreheaderLength);
        Assert.Contains("… and 3 more picks for you at Tailor Shop, from £", truncated.Preheader, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_links_every_item_to_its_tracking_url_and_the_footer_to_unsubscribe()
    {
        var items = OnlineRetailProducts.First(3);

        var email = Composer.Compose(Facts(items));

        foreach (var item in items)
        {
            var link = $"https://click.shop.test/c/{EmailId}/{item.ItemId}?s={new LinkSignature(LinkSigningOptions.DevelopmentKey).Sign(EmailId, item.ItemId)}";
            Assert.Contains($"href=\"{link}\"", email.HtmlBody, StringComparison.Ordinal);
            Assert.Contains(link, email.TextBody, StringComparison.Ordinal);
        }

        var unsubscribe = $"https://unsubscribe.shop.test/u/{EmailId}?s={new LinkSignature(LinkSigningOptions.DevelopmentKey).SignUnsubscribe(EmailId)}";
        Assert.Contains($"href=\"{unsubscribe}\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"Unsubscribe: {unsubscribe}\n", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_escapes_item_ids_inside_links()
    {
        RecommendedItem[] items = [new("GIFT 0001/20\"", "GIFT VOUCHER", 20m, 1, "popular right now")];

        var email = Composer.Compose(Facts(items));

        Assert.Contains($"https://click.shop.test/c/{EmailId}/GIFT%200001%2F20%22", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("GIFT 0001/20\"", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_is_deterministic()
    {
        var facts = Facts(OnlineRetailProducts.First(4));

        var first = Composer.Compose(facts);
        var second = Composer.Compose(facts);

        Assert.Equal(first.Subject, second.Subject);
        Assert.Equal(first.Preheader, second.Preheader);
        Assert.Equal(first.HtmlBody, second.HtmlBody);
        Assert.Equal(first.TextBody, second.TextBody);
        Assert.Equal(first.ItemIds, second.ItemIds);
    }

    [Fact]
    public void Compose_without_items_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Composer.Compose(Facts([])));
    }

    private static EmailFacts Facts(IReadOnlyList<RecommendedItem> items) =>
        new(EmailId, "Anna", "heart, holder, light", items, "Autumn favourites");

    [GeneratedRegex(@"£[0-9,]+\.[0-9]{2}")]
    private static partial Regex Prices();
}
