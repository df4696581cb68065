using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Composition;
using Tailor.ContentGeneration.Copy;
using Tailor.ContentGeneration.Subjects;
using Tailor.Contracts;
using Tailor.Links;

namespace Tailor.ContentGeneration.Tests;

/// <summary>The template composer's subject variants: one per angle, grounded, stable per email, learned per angle.</summary>
public sealed class SubjectAngleTests
{
    private static readonly ContentGenerationOptions Settings = new();
    private static readonly EmailLayout Layout = new(Options.Create(Settings), new EmailLinks(Options.Create(Settings), new LinkSignature(LinkSigningOptions.DevelopmentKey)));
    private static readonly TemplateComposer Composer = new(Options.Create(Settings), Layout);
    private static readonly DateTimeOffset October = new(2025, 10, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Write_offers_every_angle_once_each_a_grounded_subject_of_at_most_60_characters()
    {
        var items = Items();
        var copy = Composer.Write(Facts(Guid.NewGuid(), items));

        Assert.Equal(SubjectAngles.All, copy.Variants.Select(variant => variant.Id));
        Assert.Equal(copy.Variants.Count, copy.Variants.Select(variant => variant.Subject).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(copy.Variants, variant =>
        {
            Assert.InRange(variant.Subject.Length, 10, TemplateCopyWriter.MaxSubjectLength);
            Assert.NotEqual(variant.Subject, variant.Preheader);
            // Grounded: each angle names one of the email's items (or a price it prints).
            Assert.Contains(items, item => variant.Subject.Contains(ProductNames.InSentence(item.Title), StringComparison.OrdinalIgnoreCase)
                || variant.Subject.Contains(Layout.Price(item.Price), StringComparison.Ordinal));
        });
        var cheapest = items.Min(item => item.Price);
        Assert.Contains(Layout.Price(cheapest), copy.Variants.Single(variant => variant.Id == SubjectAngles.Price).Subject, StringComparison.Ordinal);
        Assert.Contains("October", copy.Variants.Single(variant => variant.Id == SubjectAngles.Season).Subject, StringComparison.Ordinal);
        Assert.Contains("every few weeks", copy.Variants.Single(variant => variant.Id == SubjectAngles.Reason).Subject, StringComparison.Ordinal);
        // The price angle's preheader does not say the lowest price a second time.
        Assert.DoesNotContain(Layout.Price(cheapest), copy.Variants.Single(variant => variant.Id == SubjectAngles.Price).Preheader, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_is_the_same_for_the_same_email_and_leaves_out_angles_without_facts()
    {
        var emailId = Guid.NewGuid();
        var first = Composer.Write(Facts(emailId, Items()));
        var again = Composer.Write(Facts(emailId, Items()));
        Assert.Equal(first.Variants, again.Variants);

        // No send time: no season; a popular item with no reason kind and a free price: no reason or price angle.
        RecommendedItem[] bare = [new("22423", "REGENCY CAKESTAND 3 TIER", 0m, 1, string.Empty)];
        var plain = Composer.Write(Facts(emailId, bare) with { SendAt = null });
        Assert.Equal([SubjectAngles.Item], plain.Variants.Select(variant => variant.Id));
    }

    [Fact]
    public async Task Bandit_learns_per_angle_across_emails_whose_subjects_all_differ()
    {
        var bandit = new SubjectBandit(SubjectBanditTests.Store(), Options.Create(new SubjectBanditOptions { MinShown = 100 }), NullLogger<SubjectBandit>.Instance);
        var ct = TestContext.Current.CancellationToken;
        var random = new Random(3);
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        for (var email = 0; email < 500; email++)
        {
            var emailId = Guid.NewGuid();
            var copy = Composer.Write(Facts(emailId, Items(email)));
            IReadOnlyList<string> offered = [.. copy.Variants.Select(variant => variant.Subject)];
            IReadOnlyList<string> ids = [.. copy.Variants.Select(variant => variant.Id)];
            var chosen = await bandit.ChooseAsync("autumn-1", offered, ids, emailId, ct);
            subjects.Add(offered[chosen]);
            await bandit.RecordShownAsync("autumn-1", new SubjectChoice(offered, chosen, ids), emailId, ct);
            // Readers open the reason angle 45% of the time, every other angle 10%.
            if (random.NextDouble() < (ids[chosen] == SubjectAngles.Reason ? 0.45 : 0.1))
            {
                await bandit.ObserveAsync(new EmailEngaged(Guid.NewGuid(), "17850", DateTimeOffset.UtcNow, emailId, "autumn-1", EngagementKind.Open, null, null, false), ct);
            }
        }

        var test = await bandit.FindAsync(SubjectBandit.AngleTestKey("autumn-1"), ct);
        Assert.NotNull(test);
        Assert.Equal(SubjectAngles.All, test.Variants.Select(variant => variant.Subject));
        Assert.Equal(500, test.Variants.Sum(variant => variant.Shown));
        Assert.True(subjects.Count > 100, $"only {subjects.Count} distinct subjects");
        var reason = test.Variants.Single(variant => variant.Subject == SubjectAngles.Reason);
        Assert.True(reason.Shown > 250, $"the reason angle went to {reason.Shown} of 500 emails");
        Assert.Equal(SubjectAngles.All.ToList().IndexOf(SubjectAngles.Reason), test.Winner);
        Assert.Equal("angle:reason", new SubjectChoice(["a", "b"], 1, [SubjectAngles.Item, SubjectAngles.Reason]).Name);
    }

    // A re-order due every few weeks and new picks, shifted through the catalog so each email names other products.
    private static IReadOnlyList<RecommendedItem> Items(int shift = 0)
    {
        var products = OnlineRetailProducts.First(40);
        var regular = products[shift % products.Count] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 4, ReorderInterval = TimeSpan.FromDays(30) };
        return [regular, .. Enumerable.Range(1, 3).Select(offset => products[(shift + offset * 7) % products.Count] with { ReasonKind = ReasonKinds.Popular })];
    }

    private static EmailFacts Facts(Guid emailId, IReadOnlyList<RecommendedItem> items) =>
        new(emailId, "Anna", "heart, holder, light", items, "Autumn favourites", SendAt: October);
}
