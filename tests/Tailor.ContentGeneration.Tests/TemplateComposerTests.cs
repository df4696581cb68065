using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Composition;
using Tailor.ContentGeneration.Copy;
using Tailor.Contracts;
using Tailor.Links;

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
            Assert.Contains(Html(ProductNames.Natural(item.Title)), email.HtmlBody, StringComparison.Ordinal);
            Assert.Contains(ProductNames.Natural(item.Title), email.TextBody, StringComparison.Ordinal);
        }

        foreach (var item in notShown)
        {
            Assert.DoesNotContain(ProductNames.Natural(item.Title), email.HtmlBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(ProductNames.Natural(item.Title), email.TextBody, StringComparison.OrdinalIgnoreCase);
        }

        // Every price the copy states is a shown item's price, and every shown item's price is stated.
        var expectedPrices = shown.Select(item => "£" + item.Price.ToString("N2", CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(expectedPrices, Prices().Matches(email.TextBody).Select(match => match.Value).ToHashSet());
        Assert.Equal(expectedPrices, Prices().Matches(email.HtmlBody).Select(match => match.Value).ToHashSet());
    }

    [Fact]
    public void Compose_greets_by_first_name_when_known_and_neutrally_otherwise()
    {
        var named = Composer.Compose(Facts(OnlineRetailProducts.First(2)));
        var anonymous = Composer.Compose(Facts(OnlineRetailProducts.First(2)) with { FirstName = " \r\n" });

        Assert.StartsWith("Hi Anna,\n\n", named.TextBody, StringComparison.Ordinal);
        Assert.Contains(">Hi Anna,</h1>", named.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Hello,\n\n", anonymous.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Autumn favourites", named.TextBody, StringComparison.Ordinal);
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

    [Fact]
    public void Layout_encodes_a_value_many_times_longer_than_its_encoding_buffer_whole()
    {
        var layout = new EmailLayout(Options.Create(Settings), new EmailLinks(Options.Create(Settings), new LinkSignature(LinkSigningOptions.DevelopmentKey)));
        // 1,500 characters, 300 of which need encoding: the encoder's 512-character buffer fills several times.
        var paragraph = string.Concat(Enumerable.Repeat("Tom & Jerry <3 ", 100));

        var email = layout.Render(Facts(OnlineRetailProducts.First(1)), "Subject", "Preheader", "Hi,", [paragraph]);

        Assert.Contains($">{string.Concat(Enumerable.Repeat("Tom &amp; Jerry &lt;3 ", 100))}<", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(paragraph, email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Anna", "heart, holder, light")]
    [InlineData("Maximiliana-Konstantina", "christmas, paper, decoration")]
    [InlineData("Wolfeschlegelsteinhausenbergerdorff-Alexandrina", "christmas, paper, decoration")]
    [InlineData(null, "hot water bottle & hand warmer")]
    [InlineData("Anna", null)]
    [InlineData(null, null)]
    [InlineData("  \r\n ", " ")]
    public void Compose_subject_is_a_sentence_within_sixty_characters_for_every_email(string? firstName, string? topic)
    {
        var items = OnlineRetailProducts.First(40);
        for (var i = 0; i < 200; i++)
        {
            var shown = items.Skip(i % 36).Take(4).ToList();
            var email = Composer.Compose(Facts(shown) with { EmailId = EmailIdNumber(i), FirstName = firstName, TopicLabel = topic });

            Assert.InRange(email.Subject.Length, 1, TemplateComposer.MaxSubjectLength);
            Assert.True(char.IsUpper(email.Subject[0]), email.Subject);
            Assert.DoesNotContain(",,", email.Subject, StringComparison.Ordinal);
            Assert.All(email.Subject.Split(' '), word => Assert.True(!IsShouting(word), $"'{word}' shouts in \"{email.Subject}\""));
            Assert.InRange(email.Preheader.Length, 1, TemplateComposer.MaxPreheaderLength);
            Assert.NotEqual(email.Subject, email.Preheader);
        }
    }

    [Fact]
    public void Compose_subjects_vary_between_emails_and_stay_the_same_for_one_email()
    {
        var items = OnlineRetailProducts.First(40);
        var subjects = Enumerable.Range(0, 100)
            .Select(i => Composer.Compose(Facts([.. items.Skip(i % 37).Take(3)]) with { EmailId = EmailIdNumber(i) }).Subject)
            .ToList();
        var again = Enumerable.Range(0, 100)
            .Select(i => Composer.Compose(Facts([.. items.Skip(i % 37).Take(3)]) with { EmailId = EmailIdNumber(i) }).Subject);

        Assert.Equal(subjects, again);
        Assert.True(subjects.Distinct().Count() >= 50, $"{subjects.Distinct().Count()} distinct subjects of 100");
    }

    [Fact]
    public void Compose_subject_names_what_the_reader_reorders_and_the_preheader_adds_the_rhythm_and_the_rest()
    {
        var products = OnlineRetailProducts.First(3);
        RecommendedItem[] items =
        [
            products[0] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 1 },
            products[1] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 4, ReorderInterval = TimeSpan.FromDays(25) },
        ];

        var email = Composer.Compose(Facts(items));

        // The re-order most often due is the one the subject names.
        Assert.Contains(ProductNames.InSentence(products[1].Title), email.Subject, StringComparison.Ordinal);
        Assert.StartsWith("You order it every few weeks. ", email.Preheader, StringComparison.Ordinal);
        Assert.DoesNotContain(ProductNames.InSentence(products[1].Title), email.Preheader, StringComparison.Ordinal);
        Assert.Contains(ProductNames.InSentence(products[0].Title), email.Preheader, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_preheader_does_not_repeat_a_rhythm_its_subject_gives()
    {
        var products = OnlineRetailProducts.First(3);
        RecommendedItem[] items =
        [
            products[0] with { Title = "REGENCY CAKESTAND 3 TIER", ReasonKind = ReasonKinds.BuyAgain, TimesBought = 5, ReorderInterval = TimeSpan.FromDays(7) },
            products[1],
            products[2],
        ];

        var variants = Enumerable.Range(0, 60)
            .SelectMany(i => Composer.Write(Facts(items) with { EmailId = EmailIdNumber(i) }).Variants)
            .ToList();

        // "Regency cakestand 3 tier: you order it every week or so" came with "You order it every week or so. Plus …".
        var sayingIt = variants.Where(variant => variant.Subject.Contains("every week or so", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sayingIt);
        Assert.All(sayingIt, variant => Assert.DoesNotContain("every week or so", variant.Preheader, StringComparison.Ordinal));
        // A subject that does not give the rhythm still has the preheader add it.
        Assert.Contains(variants, variant => !variant.Subject.Contains("every week", StringComparison.Ordinal)
            && variant.Preheader.StartsWith("You order it every week or so. ", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_subject_for_a_match_names_what_the_reader_bought()
    {
        var products = OnlineRetailProducts.First(2);
        RecommendedItem[] items = [products[0] with { ReasonKind = ReasonKinds.BecauseYouBought, ReasonItemTitle = "PACK OF 72 RETROSPOT CAKE CASES" }, products[1]];

        var subjects = Enumerable.Range(0, 20).Select(i => Composer.Compose(Facts(items) with { EmailId = EmailIdNumber(i) }).Subject).ToList();

        Assert.Contains(subjects, subject => subject.Contains("your pack of 72 Retrospot cake cases", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_preheader_names_the_pick_a_subject_about_what_it_goes_with_leaves_out()
    {
        var products = OnlineRetailProducts.First(3);
        RecommendedItem[] items =
        [
            products[0] with { Title = "STRAWBERRY CERAMIC TRINKET BOX", ReasonKind = ReasonKinds.BuyAgain, TimesBought = 1 },
            products[1] with { Title = "SWEETHEART CERAMIC TRINKET BOX", ReasonKind = ReasonKinds.BecauseYouBought, ReasonItemTitle = "STRAWBERRY CERAMIC TRINKET BOX" },
            products[2],
        ];

        var variants = Enumerable.Range(0, 60)
            .SelectMany(i => Composer.Write(Facts(items) with { EmailId = EmailIdNumber(i) }).Variants)
            .Where(variant => variant.Subject.StartsWith("Picked to go with your strawberry", StringComparison.Ordinal))
            .ToList();

        // "Picked to go with your strawberry ceramic trinket box" came with "Plus strawberry ceramic trinket box and 2 more".
        Assert.NotEmpty(variants);
        Assert.All(variants, variant => Assert.Matches("^(Inside: |Starting with )sweetheart ceramic trinket box and 2 more", variant.Preheader));
    }

    [Theory]
    [InlineData(2, "and one more pick for you")]
    [InlineData(3, "and 2 more picks for you")]
    public void Compose_subject_counting_the_other_new_picks_agrees_with_their_number(int newCount, string ending)
    {
        // The usual email of a customer with a history: two re-orders, then the new items.
        var products = OnlineRetailProducts.First(2 + newCount);
        RecommendedItem[] items =
        [
            products[0] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 2 },
            products[1] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 3 },
            .. products.Skip(2),
        ];

        var subjects = Enumerable.Range(0, 200).Select(i => Composer.Compose(Facts(items) with { EmailId = EmailIdNumber(i) }).Subject).ToList();

        var counting = subjects.Where(subject => subject.Contains(" more pick", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(counting);
        Assert.All(counting, subject => Assert.EndsWith(ending, subject, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.5, "You have ordered this 3 times")] // three orders in a day and a half: a busy spell, not a habit
    [InlineData(2, "You order this every few days")]
    [InlineData(7, "You order this every week or so")]
    [InlineData(30, "You order this every few weeks")]
    public void Reason_of_a_re_order_says_a_rhythm_only_when_the_orders_are_days_apart(double days, string reason)
    {
        var item = OnlineRetailProducts.First(1)[0] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 3, ReorderInterval = TimeSpan.FromDays(days) };

        Assert.Equal(reason, ReasonWords.For(item, topicLabel: null));
    }

    [Fact]
    public void Reason_of_a_pick_close_to_the_readers_interests_claims_no_browsing()
    {
        // The demo's customers only ordered; the recommender's own note says "close to what you have been looking at".
        var item = OnlineRetailProducts.First(1)[0] with { ReasonKind = ReasonKinds.CloseToInterests, Reason = "close to what you have been looking at" };

        var email = Composer.Compose(Facts([item]));

        Assert.Equal("Close to what you like", ReasonWords.For(item, topicLabel: null));
        Assert.Contains("\nClose to what you like\n", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("looking at", email.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Compose_splits_reorders_from_new_items_and_words_each_reason()
    {
        var products = OnlineRetailProducts.First(5);
        RecommendedItem[] items =
        [
            products[0] with { ReasonKind = ReasonKinds.BecauseYouBought, ReasonItemTitle = "RED RETROSPOT CAKE CASES" },
            products[1] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 3, ReorderInterval = TimeSpan.FromDays(16) },
            products[2] with { ReasonKind = ReasonKinds.PopularInTopic, Reason = "popular in your topic hot water bottle & hand warmer" },
            products[3] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 2 },
            products[4] with { Reason = "because you bought WHITE HANGING HEART T-LIGHT HOLDER" },
        ];

        var email = Composer.Compose(Facts(items) with { TopicLabel = "hot water bottle & hand warmer" });

        // Buy again first (the default order), each section best first.
        Assert.Equal([products[1].ItemId, products[3].ItemId, products[0].ItemId, products[2].ItemId, products[4].ItemId], email.ItemIds);
        var text = email.TextBody;
        Assert.True(text.IndexOf("Buy again\n---------\n", StringComparison.Ordinal) < text.IndexOf("New for you\n-----------\n", StringComparison.Ordinal));
        Assert.Contains("You order this every couple of weeks", text, StringComparison.Ordinal);
        Assert.Contains("You have ordered this twice", text, StringComparison.Ordinal);
        Assert.Contains("Because you bought red Retrospot cake cases", text, StringComparison.Ordinal);
        Assert.Contains("A favourite with hot water bottle fans", text, StringComparison.Ordinal);
        Assert.Contains("Because you bought white hanging heart T-light holder", text, StringComparison.Ordinal);
        Assert.Contains(">Buy again</h2>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">New for you</h2>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">You order this every couple of weeks</div>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_calls_items_regulars_only_when_the_reader_has_ordered_one_more_than_once()
    {
        var products = OnlineRetailProducts.First(3);
        RecommendedItem[] once = [products[0] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 1 }, products[1]];
        RecommendedItem[] twice = [products[0] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 2 }, products[1]];

        // Many emails, so every wording of the intro is drawn.
        var onceBodies = Enumerable.Range(0, 40).Select(i => Composer.Compose(Facts(once) with { EmailId = EmailIdNumber(i) }).TextBody).ToList();
        var twiceBodies = Enumerable.Range(0, 40).Select(i => Composer.Compose(Facts(twice) with { EmailId = EmailIdNumber(i) }).TextBody).ToList();

        Assert.All(onceBodies, body =>
        {
            Assert.DoesNotContain("come back for", body, StringComparison.Ordinal);
            Assert.DoesNotContain("regulars", body, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains(onceBodies, body => body.Contains("what you ordered before", StringComparison.Ordinal));
        Assert.Contains(twiceBodies, body => body.Contains("come back for", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_shows_only_the_sections_a_campaign_names_in_its_order()
    {
        var products = OnlineRetailProducts.First(2);
        RecommendedItem[] items = [products[0] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 1 }, products[1]];

        var newFirst = Composer.Compose(Facts(items) with { Sections = [EmailSections.NewForYou, EmailSections.BuyAgain] });
        var newOnly = Composer.Compose(Facts(items) with { Sections = [EmailSections.NewForYou] });

        Assert.Equal([products[1].ItemId, products[0].ItemId], newFirst.ItemIds);
        Assert.Equal([products[1].ItemId], newOnly.ItemIds);
        Assert.DoesNotContain("Buy again", newOnly.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_html_is_table_based_with_inline_styles_dark_mode_and_no_script()
    {
        var email = Composer.Compose(Facts(OnlineRetailProducts.First(4)));
        var html = email.HtmlBody;

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"color-scheme\" content=\"light dark\">", html, StringComparison.Ordinal);
        Assert.Contains("<table role=\"presentation\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div style=\"max-width", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ul", html, StringComparison.Ordinal);
        // One <style>, in the head, holding only media queries and the colour scheme.
        var style = Assert.Single(Regex.Matches(html, "<style>(.*?)</style>", RegexOptions.Singleline));
        Assert.True(style.Index < html.IndexOf("</head>", StringComparison.Ordinal));
        Assert.Contains("@media (prefers-color-scheme: dark)", style.Value, StringComparison.Ordinal);
        Assert.Contains("@media only screen and (max-width: 480px)", style.Value, StringComparison.Ordinal);
        // Every element the body styles is styled inline too, so a client that strips <style> keeps the layout.
        Assert.All(Regex.Matches(html, "<(td|a|h1|h2|div)( [^>]*)?>").Where(tag => tag.Index > html.IndexOf("<body", StringComparison.Ordinal)),
            tag => Assert.Contains("style=\"", tag.Value, StringComparison.Ordinal));
        Assert.Equal(Tags(html, "<table"), Tags(html, "</table>"));
        Assert.Equal(Tags(html, "<tr"), Tags(html, "</tr>"));
        Assert.Equal(Tags(html, "<td"), Tags(html, "</td>"));
    }

    [Fact]
    public void Compose_html_describes_every_image_for_readers_who_block_images()
    {
        var settings = new ContentGenerationOptions { LogoUrl = "https://cdn.shop.test/logo.png?v=\"2\"", BrandName = "Ada & Co" };
        var composer = new TemplateComposer(Options.Create(settings), new EmailLayout(Options.Create(settings), new EmailLinks(Options.Create(settings), new LinkSignature(LinkSigningOptions.DevelopmentKey))));

        var html = composer.Compose(Facts(OnlineRetailProducts.First(1))).HtmlBody;

        var images = Regex.Matches(html, "<img [^>]*>");
        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.Matches("alt=\"[^\"]+\"", image.Value));
        Assert.Contains("alt=\"Ada &amp; Co\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"https://cdn.shop.test/logo.png?v=&quot;2&quot;\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_text_part_carries_every_item_with_its_price_reason_and_link()
    {
        var items = OnlineRetailProducts.First(4).Select((item, i) => item with { ReasonKind = ReasonKinds.BecauseYouBought, ReasonItemTitle = $"JUMBO BAG {i}" }).ToList();

        var email = Composer.Compose(Facts(items));

        foreach (var (item, i) in items.Select((item, i) => (item, i)))
        {
            var link = $"https://click.shop.test/c/{EmailId}/{item.ItemId}?s={new LinkSignature(LinkSigningOptions.DevelopmentKey).Sign(EmailId, item.ItemId)}";
            var block = $"{ProductNames.Natural(item.Title)} - £{item.Price.ToString("N2", CultureInfo.InvariantCulture)}\nBecause you bought jumbo bag {i}\nTake a look: {link}\n";
            Assert.Contains(block, email.TextBody, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("GBP", "en-GB", null, 1234.5, "£1,234.50")]
    [InlineData("EUR", "de-DE", null, 1234.5, "1.234,50 €")]
    [InlineData("EUR", "en-IE", null, 3, "€3.00")]
    [InlineData("USD", "en-US", null, 0.85, "$0.85")]
    [InlineData("JPY", "ja-JP", null, 1200, "￥1,200")]
    [InlineData("GBP", "en-GB", "GBP ", 2.55, "GBP 2.55")]
    public void Price_is_written_in_the_currency_and_culture_configured(string code, string culture, string? symbol, double price, string expected)
    {
        Assert.Equal(expected, new PriceFormat(code, culture, symbol).Format((decimal)price));
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
    public void Compose_preheader_names_the_lowest_price_and_never_exceeds_a_hundred_characters()
    {
        var items = OnlineRetailProducts.First(4);
        RecommendedItem[] longTitle = [items[0] with { Title = string.Join(' ', Enumerable.Repeat("VERY LONG VINTAGE CHRISTMAS", 8)) }, .. items.Skip(1)];

        var email = Composer.Compose(Facts(items));
        var truncated = Composer.Compose(Facts(longTitle));

        Assert.InRange(email.Preheader.Length, 1, TemplateComposer.MaxPreheaderLength);
        Assert.InRange(truncated.Preheader.Length, 1, TemplateComposer.MaxPreheaderLength);
        Assert.Matches(@" and [0-9] more, from £[0-9]+\.[0-9]{2}$", email.Preheader);
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
    public void Compose_prints_the_shops_postal_address_in_the_footer_when_set_and_none_otherwise()
    {
        var withAddress = new ContentGenerationOptions { PostalAddress = "Tailor Shop Ltd, 1 High Street, London N1 1AA & Co" };
        var composer = new TemplateComposer(Options.Create(withAddress), new EmailLayout(Options.Create(withAddress), new EmailLinks(Options.Create(withAddress), new LinkSignature(LinkSigningOptions.DevelopmentKey))));
        var items = OnlineRetailProducts.First(2);

        var email = composer.Compose(Facts(items));
        var without = Composer.Compose(Facts(items));

        Assert.Contains("because you agreed to hear from us.<br>Tailor Shop Ltd, 1 High Street, London N1 1AA &amp; Co<br><a ", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("because you agreed to hear from us.\nTailor Shop Ltd, 1 High Street, London N1 1AA & Co\nUnsubscribe: ", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("because you agreed to hear from us.<br><a ", without.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("because you agreed to hear from us.\nUnsubscribe: ", without.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1 High Street\nLondon")]
    [InlineData("   ")]
    public void A_postal_address_that_is_not_one_line_of_text_fails_validation(string address)
    {
        var options = new ContentGenerationOptions { PostalAddress = address };

        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, result => result.MemberNames.Contains(nameof(ContentGenerationOptions.PostalAddress)));
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

    private static Guid EmailIdNumber(int i) => new(i, 7, 11, [1, 2, 3, 4, 5, 6, 7, (byte)i]);

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text).Replace("&#39;", "&#x27;", StringComparison.Ordinal);

    private static int Tags(string html, string tag) => Regex.Matches(html, Regex.Escape(tag) + (tag.EndsWith('>') ? string.Empty : "[ >]")).Count;

    private static bool IsShouting(string word)
    {
        var letters = word.Where(char.IsLetter).ToArray();
        return letters.Length > 1 && letters.All(char.IsUpper) && !ProductNames.MayBeCapitals(word.Trim(',', '.', '?', ':', '!'));
    }

    [GeneratedRegex(@"£[0-9,]+\.[0-9]{2}")]
    private static partial Regex Prices();
}
