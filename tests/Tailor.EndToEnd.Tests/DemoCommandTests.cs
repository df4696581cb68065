using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Host.Demo.Gallery;

namespace Tailor.EndToEnd.Tests;

/// <summary>The README's main command, run whole on the bundled sample with the embedded defaults.</summary>
[Collection(EndToEndCollection.Name)]
public class DemoCommandTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task RunAsync_bundled_sample_writes_one_grounded_email_or_suppression_per_customer()
    {
        var output = new DirectoryInfo(Path.Combine(Path.GetTempPath(), $"tailor-demo-{Guid.NewGuid():N}"));
        var customers = ReplayPlan.From(OnlineRetailReader.Read(DemoOptions.BundledSample)).Identifies.Count;
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
        });

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.FullName, "summary.json")));
        Assert.Equal(emails.Count, summary.RootElement.GetProperty("emails").GetInt32());
        Assert.Equal(0, summary.RootElement.GetProperty("failedMessages").GetInt32());
    }
}
