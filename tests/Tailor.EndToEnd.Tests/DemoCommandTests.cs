using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tailor.ContentGeneration.Copy;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Host.Demo.Gallery;

namespace Tailor.EndToEnd.Tests;

/// <summary>The README's main command, run whole on the bundled sample with the embedded defaults.</summary>
[Collection(EndToEndCollection.Name)]
public class DemoCommandTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // As the email layout encodes: everything HTML needs, letters of every script left as they are.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    [Fact]
    public async Task RunAsync_bundled_sample_writes_one_grounded_email_or_suppression_per_customer()
    {
        var output = new DirectoryInfo(Path.Combine(Path.GetTempPath(), $"tailor-demo-{Guid.NewGuid():N}"));
        var lines = OnlineRetailReader.Read(DemoOptions.BundledSample).ToList();
        var customers = ReplayPlan.From(lines).Identifies.Count;
        var started = DateTimeOffset.UtcNow;

        var exitCode = await DemoCommand.RunAsync(new DemoOptions(DemoOptions.BundledSample, output), TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var emails = File.ReadAllLines(Path.Combine(output.FullName, "emails.jsonl"))
            .Select(line => JsonSerializer.Deserialize<EmailReady>(line, Json)!)
            .ToList();
        var suppressed = File.ReadAllLines(Path.Combine(output.FullName, "suppressed.jsonl"));
        Assert.Equal(customers, emails.Count + suppressed.Length);
        Assert.True(emails.Count > customers * 9 / 10, $"only {emails.Count} of {customers} customers got an email");
        Assert.Equal(emails.Count, emails.Select(e => e.UserId).Distinct().Count());

        Assert.All(emails, email =>
        {
            Assert.Equal($"customer-{email.UserId}@example.com", email.To);
            Assert.NotEmpty(email.ItemIds);
            Assert.InRange(email.Subject.Length, 1, 78);
            Assert.InRange(email.SendAt, started, started.AddDays(8));
            Assert.True(email.Headers.ContainsKey("List-Unsubscribe"), "List-Unsubscribe header missing");
            Assert.False(string.IsNullOrWhiteSpace(email.Generator));
            Assert.True(File.Exists(Path.Combine(output.FullName, "previews", $"{email.UserId}.html")));
        });

        // The gallery lists every email beside its customer's facts, read back from what Tailor holds.
        var gallery = File.ReadAllText(Path.Combine(output.FullName, DemoGallery.FileName));
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", gallery, StringComparison.Ordinal);
        var cards = Regex.Matches(gallery, "<article class=\"card\".*?</article>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Equal(emails.Count, cards.Count);
        Assert.All(emails, email =>
        {
            var card = Assert.Single(cards, c => c.Contains($"id=\"email-{email.EmailId:N}\"", StringComparison.Ordinal));
            Assert.Contains($"Customer {WebUtility.HtmlEncode(email.UserId)}", card, StringComparison.Ordinal);
            Assert.Contains($"<dt>Subject</dt><dd>{WebUtility.HtmlEncode(email.Subject)}</dd>", card, StringComparison.Ordinal);
            Assert.Contains($"<iframe src=\"{DemoOutputWriter.PreviewPath(email.UserId)}\" loading=\"lazy\"", card, StringComparison.Ordinal);
            Assert.Matches("<dt>Recent orders</dt><dd><ul class=\"orders\"><li><time datetime=\"20[0-9]{2}-", card);
            Assert.Matches("<dt>Their taste \\(topic\\)</dt><dd>[^<]+</dd>", card);
            Assert.Equal(email.ItemIds.Count, Regex.Matches(card, "<span class=\"reason\">").Count);
            Assert.DoesNotContain("reason not recorded", card, StringComparison.Ordinal);
            Assert.Contains("their time (", card, StringComparison.Ordinal);
            Assert.Equal(email.Arm == CampaignArms.Control, card.Contains("<dt>Control group</dt>", StringComparison.Ordinal));
        });

        // The default control share holds out about 5% at random; they all get the same bestsellers under one subject.
        var control = emails.Where(email => email.Arm == CampaignArms.Control).ToList();
        Assert.InRange(control.Count, 1, emails.Count / 10);
        Assert.Single(control.Select(email => email.Subject).Distinct());
        Assert.Single(control.Select(email => string.Join(",", email.ItemIds)).Distinct());
        AssertCopyReadsAsWritten(emails, lines);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.FullName, "summary.json")));
        Assert.Equal(emails.Count, summary.RootElement.GetProperty("emails").GetInt32());
        Assert.Equal(0, summary.RootElement.GetProperty("failedMessages").GetInt32());
    }

    /// <summary>The copy properties of docs/email-copy.md, over every email of the demo.</summary>
    private static void AssertCopyReadsAsWritten(IReadOnlyList<EmailReady> emails, IReadOnlyList<RetailLine> lines)
    {
        var (titles, prices) = DemoEmailCopy.Catalog(lines);
        Assert.All(emails, email =>
        {
            Assert.False(string.IsNullOrWhiteSpace(email.Subject));
            Assert.InRange(email.Subject.Length, 1, 60);
            Assert.NotEqual(email.Subject, email.Preheader);
            Assert.Equal(email.ItemIds.Count, email.ItemIds.Distinct(StringComparer.Ordinal).Count());
            Assert.Empty(DemoEmailCopy.ShoutingWords(email));

            // Grounding: the text shows exactly the email's items, each under its catalog name at a price it sold for.
            var shown = DemoEmailCopy.TextItems(email);
            Assert.Equal(email.ItemIds, shown.Select(item => item.ItemId));
            Assert.All(shown, item =>
            {
                Assert.Equal(ProductNames.Natural(Tailor.ContentGeneration.Composition.CopyText.SingleLine(titles[item.ItemId])!), item.Name);
                Assert.Contains(item.Price, prices[item.ItemId]);
                Assert.False(string.IsNullOrWhiteSpace(item.Reason), $"{item.Name} has no reason");
                Assert.Contains(Html.Encode(item.Name), email.HtmlBody, StringComparison.Ordinal);
            });
        });

        // Over the personalised emails: the control group shares one fixed subject on purpose.
        var unique = DemoEmailCopy.UniqueSubjectShare([.. emails.Where(email => email.Arm != CampaignArms.Control)]);
        Assert.True(unique >= 0.5, $"only {unique:P0} of the emails have a subject no other email has");
        var variants = DemoEmailCopy.VariantPairShare(emails, titles);
        Assert.True(variants < 0.05, $"{variants:P1} of the emails show two variants of one product");
    }
}
