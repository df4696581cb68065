using System.Text.RegularExpressions;
using Tailor.ContentGeneration.Generation;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Tests;

/// <summary>
/// Customers' and the catalog's text written to do harm (markup, script, direction overrides, invisible characters, a
/// word too long for the layout) and a language model answering with markdown or entities: what reaches the reader.
/// Every email here is written by ContentGeneration as it is registered, from a profile in its cache.
/// </summary>
public sealed partial class HostileContentTests
{
    private const string RightToLeftOverride = "\u202E";
    private const string ZeroWidthSpace = "\u200B";

    private static readonly DateTimeOffset WindowStart = new(2030, 1, 7, 0, 30, 0, TimeSpan.Zero);

    // What the layout itself writes: anything else in the HTML would have come from a value.
    private static readonly HashSet<string> LayoutTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "DOCTYPE", "html", "head", "meta", "title", "style", "body", "div", "table", "tr", "td", "h1", "h2", "a", "span", "br",
    };

    private static readonly RecommendedItem[] HostileItems =
    [
        new("H1", "\"><img src=x onerror=alert(1)> MUG", 2.55m, 4, "r", ReasonKinds.BecauseYouBought, "</style><script>alert(2)</script>"),
        new("H2", $"CUP {RightToLeftOverride}gnp.exe {ZeroWidthSpace}free{ZeroWidthSpace} gift", 1.10m, 3, "r", ReasonKinds.PopularInTopic),
        new("H3", "<a href=\"javascript:alert(3)\">JAR</a> & <style>body{display:none}</style>", 0.85m, 2, "r", ReasonKinds.Popular),
        new("H4", $"Tea &amp; cake 😀 e\u0301 caf\u00e9 {RightToLeftOverride}", 0.50m, 1, "r", ReasonKinds.BuyAgain, TimesBought: 3),
    ];

    [Fact]
    public async Task An_email_from_hostile_profile_and_catalog_text_carries_it_as_text_and_only_tailors_links()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TestProfiles.WriteAsync(host.Profiles, "mallory", firstName: $"Ada{RightToLeftOverride}<b>x</b>{ZeroWidthSpace}", items: HostileItems,
            topicLabel: $"</style><img src=x onerror=1> & {RightToLeftOverride}topic");

        await host.PublishPageAsync(Command("mallory"));
        await host.WaitForCommandsAsync(1);

        var email = Assert.Single(host.Published<EmailReady>());
        Assert.Equal(HostileItems.Select(item => item.ItemId).Order(), email.ItemIds.Order());
        // Only the layout's own tags, and every link one of Tailor's signed ones.
        Assert.All(Tags().Matches(email.HtmlBody), tag => Assert.Contains(tag.Groups[1].Value, LayoutTags));
        Assert.DoesNotContain("javascript:", Hrefs().Matches(email.HtmlBody).Select(href => href.Groups[1].Value));
        Assert.All(Hrefs().Matches(email.HtmlBody), href => Assert.True(
            href.Groups[1].Value.StartsWith(ContentGenerationHarness.TrackingBaseUrl + "/c/", StringComparison.Ordinal)
            || href.Groups[1].Value.StartsWith(ContentGenerationHarness.UnsubscribeBaseUrl + "u/", StringComparison.Ordinal),
            href.Value));
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; MUG", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Because you bought &lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Tea &amp;amp; cake", email.HtmlBody, StringComparison.Ordinal);

        // No character that reverses or hides what follows it, in any part a reader sees.
        foreach (var part in new[] { email.Subject, email.Preheader, email.HtmlBody, email.TextBody })
        {
            Assert.DoesNotContain(RightToLeftOverride, part, StringComparison.Ordinal);
            Assert.DoesNotContain(ZeroWidthSpace, part, StringComparison.Ordinal);
        }

        Assert.StartsWith("Hi Ada<b>x</b>,\n\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("CUP gnp.exe free gift - £1.10", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("😀 e\u0301 caf\u00e9", email.TextBody, StringComparison.Ordinal);
        Assert.All(new[] { email.Subject, email.Preheader }, line => Assert.DoesNotContain(line, char.IsControl));
    }

    [Fact]
    public async Task A_title_of_one_word_longer_than_the_layout_may_break_anywhere()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var longWord = new string('W', 300);
        await TestProfiles.WriteAsync(host.Profiles, "wide", firstName: new string('A', 200), items: [new("W1", longWord, 3.00m, 1, "r", ReasonKinds.Popular)]);

        await host.PublishPageAsync(Command("wide"));
        await host.WaitForCommandsAsync(1);

        // The card holds the width: everything inside inherits breaking a word that would overflow it (the standard
        // property, and the older one for clients without it). docs/email-copy.md shows the result in Chromium.
        var email = Assert.Single(host.Published<EmailReady>());
        var card = Assert.Single(CardStyle().Matches(email.HtmlBody)).Groups[1].Value;
        Assert.Contains("overflow-wrap:anywhere;", card, StringComparison.Ordinal);
        Assert.Contains("word-break:break-word;", card, StringComparison.Ordinal);
        Assert.Contains(longWord[1..].ToLowerInvariant(), email.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("**Bold** picks for you", "markdown")]
    [InlineData("__Picks__ for your home", "markdown")]
    [InlineData("# Picks for your home", "markdown")]
    [InlineData("Picks `for` your home", "markdown")]
    [InlineData("[Your picks](javascript:alert(1))", "markdown")]
    [InlineData("Tea &amp; cake for your home", "HTML entity")]
    [InlineData("Tea &#60;b&#62; for your home", "HTML entity")]
    [InlineData("Picks\u2028for your home", "line breaks")]
    [InlineData("Free\u200B delivery for your home", "invisible")]
    [InlineData("Your \u202Epicks for the home", "invisible")]
    [InlineData("Picks\r\nBcc: someone@example.com", "line breaks")]
    [InlineData("Picks\0 for your home", "line breaks")]
    public void Checks_reject_a_subject_with_markdown_entities_line_separators_or_hidden_characters(string subject, string named)
    {
        var items = OnlineRetailProducts.First(3);
        var facts = CopyFacts.From(new(Guid.NewGuid(), "Anna", "heart", items, "Autumn", "Goal"), "Tailor Shop", "warm", price => $"£{price:N2}");

        var problems = DraftChecks.Problems(LanguageModelWriterTests.GoodDraft(items) with { Subjects = [subject, "Fresh picks for your home"] }, facts);

        // The problem names the subject and what is wrong with it, so the model can mend it when asked again.
        Assert.Contains(problems, problem => problem.Contains($"\"{subject}\"", StringComparison.Ordinal) && problem.Contains(named, StringComparison.Ordinal));
    }

    /// <summary>Online Retail has titles such as "*Boombox Ipod Classic"; a model quoting one writes no markdown.</summary>
    [Theory]
    [InlineData("*Boombox Ipod Classic")]
    [InlineData("Tea &amp; cake stand")]
    public void Checks_take_a_product_name_quoted_as_given_even_with_an_asterisk_or_an_entity(string title)
    {
        var items = OnlineRetailProducts.First(2).Prepend(new RecommendedItem("90210", title, 4.95m, 1.0, "Popular this week")).ToList();
        var facts = CopyFacts.From(new(Guid.NewGuid(), "Anna", "heart", items, "Autumn", "Goal"), "Tailor Shop", "warm", price => $"£{price:N2}");
        var name = facts.Products[0].Name;

        var problems = DraftChecks.Problems(LanguageModelWriterTests.GoodDraft(items) with { Paragraphs = [$"The {name} is back for you."] }, facts);

        Assert.Empty(problems);
        Assert.NotEmpty(DraftChecks.Problems(LanguageModelWriterTests.GoodDraft(items) with { Paragraphs = ["The **stand** is back for you."] }, facts));
    }

    [Fact]
    public async Task A_model_that_answers_with_markdown_and_a_long_subject_is_asked_again_and_then_replaced_by_the_templates()
    {
        var items = OnlineRetailProducts.First(2);
        var hostile = LanguageModelWriterTests.GoodDraft(items) with
        {
            Subjects = ["**Your picks** are [here](https://evil.example)", new string('x', 2_000)],
            Paragraphs = ["# Hello\n\n<b>Tea &amp; cake</b>, *just* for you"],
        };
        await using var model = await FakeChatCompletionsServer.StartAsync(FakeChatCompletionsServer.Reply.Draft(hostile));
        await using var host = await ContentGenerationHarness.StartWithModelAsync(model);
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: items);

        await host.PublishPageAsync(Command("17850"));
        await host.WaitForCommandsAsync(1);

        var email = Assert.Single(host.Published<EmailReady>());
        Assert.Equal(ContentGenerationNames.TemplateGenerator, email.Generator);
        Assert.InRange(email.Subject.Length, 1, 60);
        Assert.DoesNotContain("**", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, model.Requests.Count);
        var retry = model.Requests.Last()["messages"]!.AsArray().Last()!["content"]!.ToString();
        Assert.Contains("markdown", retry, StringComparison.Ordinal);
        Assert.Contains("is 2000 characters; at most 60", retry, StringComparison.Ordinal);
    }

    private static PersonalizeEmail Command(string userId) =>
        new(MessageIds.PersonalizeEmail("hostile-1", userId), userId, DateTimeOffset.UtcNow, "hostile-1", "Hostile", "Goal", WindowStart, WindowStart.AddDays(7));

    [GeneratedRegex(@"<!?/?([A-Za-z][A-Za-z0-9]*)")]
    private static partial Regex Tags();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Hrefs();

    [GeneratedRegex("<table role=\"presentation\" class=\"container card\"[^>]*style=\"([^\"]*)\"")]
    private static partial Regex CardStyle();
}
