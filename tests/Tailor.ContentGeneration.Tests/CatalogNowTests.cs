using Tailor.ContentGeneration.Catalog;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Testing;
using Tailor.Training.Catalog;

namespace Tailor.ContentGeneration.Tests;

/// <summary>
/// An email shows its items as the catalog lists them when the email is written, not as they were when the user's list
/// (or the bestsellers) was computed: the current price, and nothing the shop has withdrawn.
/// </summary>
public sealed class CatalogNowTests
{
    // Monday 2030-01-07 00:30 UTC to a week later.
    private static readonly DateTimeOffset WindowStart = new(2030, 1, 7, 0, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowEnd = WindowStart.AddDays(7);
    private static readonly DateTimeOffset ListedAt = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static readonly RecommendedItem Holder = new("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 2.55m, 0.9, "popular right now");
    private static readonly RecommendedItem Lantern = new("71053", "WHITE METAL LANTERN", 3.39m, 0.8, "popular right now");
    private static readonly RecommendedItem Cakestand = new("22423", "REGENCY CAKESTAND 3 TIER", 12.75m, 0.7, "popular right now");

    [Fact]
    public async Task An_email_written_after_a_price_change_shows_the_new_price_not_the_one_the_list_was_computed_with()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await UpsertAsync(host, Upserted(Holder, ListedAt));
        // The user's list is computed while the holder is on sale at £2.55 ...
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: [Holder, Lantern]);
        // ... and the sale ends before the campaign is written.
        await UpsertAsync(host, Upserted(Holder, ListedAt.AddDays(1)) with { Price = 3.10m, Title = "WHITE HANGING HEART T-LIGHT HOLDER LARGE" });

        await host.PublishPageAsync(Command("autumn-1", "17850"));
        await host.WaitForCommandsAsync(1);

        var email = Assert.Single(host.Published<EmailReady>());
        Assert.Equal([Holder.ItemId, Lantern.ItemId], email.ItemIds);
        Assert.Contains("£3.10", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("£3.10", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("£2.55", email.TextBody + email.HtmlBody + email.Preheader, StringComparison.Ordinal);
        Assert.Contains("WHITE HANGING HEART T-LIGHT HOLDER LARGE", email.TextBody, StringComparison.OrdinalIgnoreCase);
        // The lantern's upsert has not arrived: it keeps the price its list gave it.
        Assert.Contains("£3.39", email.TextBody, StringComparison.Ordinal);
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task A_withdrawn_item_is_left_out_of_the_email_the_next_one_takes_its_place_and_relisting_brings_it_back()
    {
        await using var host = await ContentGenerationHarness.StartAsync(new Dictionary<string, string?> { ["Tailor:ContentGeneration:MaxItems"] = "2" });
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: [Holder, Lantern, Cakestand]);
        await UpsertAsync(host, Upserted(Lantern, ListedAt) with { Available = false });

        await host.PublishPageAsync(Command("autumn-1", "17850"));
        await host.WaitForCommandsAsync(1);
        Assert.Equal([Holder.ItemId, Cakestand.ItemId], Assert.Single(host.Published<EmailReady>()).ItemIds);

        await UpsertAsync(host, Upserted(Lantern, ListedAt.AddDays(1)));
        await host.PublishPageAsync(Command("winter-1", "17850"));
        await host.WaitForCommandsAsync(2);

        var relisted = Assert.Single(host.Published<EmailReady>(), email => email.CampaignId == "winter-1");
        Assert.Equal([Holder.ItemId, Lantern.ItemId], relisted.ItemIds);
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task An_email_whose_every_item_was_withdrawn_is_suppressed_for_want_of_content()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: [Holder, Lantern]);
        await UpsertAsync(host, Upserted(Holder, ListedAt) with { Available = false }, Upserted(Lantern, ListedAt) with { Available = false });

        await host.PublishPageAsync(Command("autumn-1", "17850"));
        await host.WaitForCommandsAsync(1);

        Assert.Equal(SuppressionReasons.NoContent, Assert.Single(host.Published<EmailSuppressed>()).Reason);
        Assert.Empty(host.Published<EmailReady>());
    }

    [Fact]
    public async Task The_control_groups_bestsellers_are_shown_at_their_current_prices_without_the_withdrawn_ones()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await host.Harness.Bus.Publish(
            new RecommenderTrained(Guid.NewGuid(), DateTimeOffset.UtcNow, "als-1", 100, 40, 1_000, TimeSpan.FromSeconds(3), null, Bestsellers: [Holder, Lantern, Cakestand]),
            TestContext.Current.CancellationToken);
        await host.WaitForConsumedAsync<RecommenderTrained>(1);
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: [Holder]);
        await UpsertAsync(host, Upserted(Holder, ListedAt) with { Available = false }, Upserted(Cakestand, ListedAt) with { Price = 9.95m });

        await host.PublishPageAsync(Command("autumn-1", "17850") with { Arm = CampaignArms.Control });
        await host.WaitForCommandsAsync(1);

        var email = Assert.Single(host.Published<EmailReady>());
        Assert.Equal(CampaignArms.Control, email.Arm);
        Assert.Equal([Lantern.ItemId, Cakestand.ItemId], email.ItemIds);
        Assert.Contains("£9.95", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("£12.75", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalog_copy_keeps_the_newest_upsert_of_an_item_whatever_the_arrival_order()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var withdrawn = Upserted(Holder, ListedAt.AddDays(1)) with { Available = false };

        await UpsertAsync(host, withdrawn, Upserted(Holder, ListedAt));

        var entry = await host.Documents.FindAsync<CatalogEntry>(EmailCatalog.CatalogCollection, Holder.ItemId, TestContext.Current.CancellationToken);
        Assert.Equal(new CatalogEntry(Holder.ItemId, Holder.Title, Holder.Price, withdrawn.OccurredAt, Available: false), entry);
    }

    private static CatalogItemUpserted Upserted(RecommendedItem item, DateTimeOffset at) =>
        new(Guid.NewGuid(), item.ItemId, at, item.Title, null, item.Price, null);

    /// <summary>Delivers the upserts one after another, each consumed before the next is published.</summary>
    private static async Task UpsertAsync(ConsumerHarness host, params CatalogItemUpserted[] upserts)
    {
        foreach (var upserted in upserts)
        {
            await host.DeliverAsync([upserted], message => message.EventId);
        }
    }

    private static PersonalizeEmail Command(string campaignId, string userId) =>
        new(MessageIds.PersonalizeEmail(campaignId, userId), userId, DateTimeOffset.UtcNow, campaignId, "Autumn favourites", "Bring customers back", WindowStart, WindowEnd);
}
