using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tailor.ContentGeneration.Control;
using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.ContentGeneration.Tests;

public sealed class ControlEmailTests
{
    // Monday 2030-01-07 00:30 UTC to a week later; quiet hours are 21:00 to 08:00 by default.
    private static readonly DateTimeOffset WindowStart = new(2030, 1, 7, 0, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowEnd = WindowStart.AddDays(7);
    private static readonly DateTimeOffset FirstHourAfterQuietHours = new(2030, 1, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_control_group_gets_the_bestsellers_at_the_default_hour_under_the_fixed_subject()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var bestsellers = OnlineRetailProducts.First(20).Skip(10).ToList();
        await TrainAsync(host, bestsellers, trainedAt: DateTimeOffset.UtcNow);
        var wednesdayEvening = (2 * 24) + 19;
        // Both users have their own recommendations, names, topics and a best hour: the control email uses none of them.
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(6), sendTime: TestProfiles.PreferringHour(wednesdayEvening));
        await TestProfiles.WriteAsync(host.Profiles, "13047", firstName: "Bram", items: OnlineRetailProducts.First(8).Skip(4).ToList(), topicLabel: "christmas");

        await host.PublishPageAsync(Command("autumn-1", "17850", CampaignArms.Control));
        await host.PublishPageAsync(Command("autumn-1", "13047", CampaignArms.Control));
        await host.WaitForCommandsAsync(2);

        var emails = host.Published<EmailReady>();
        Assert.Equal(2, emails.Count);
        Assert.All(emails, email =>
        {
            Assert.Equal(bestsellers.Take(4).Select(item => item.ItemId), email.ItemIds);
            Assert.Equal("Tailor Shop: this week's bestsellers", email.Subject);
            Assert.Equal(FirstHourAfterQuietHours, email.SendAt);
            Assert.Equal((CampaignArms.Control, ContentGenerationNames.ControlGenerator), (email.Arm, email.Generator));
            Assert.Equal(CampaignArms.Control, email.CustomArgs?["tailor_arm"]);
            Assert.Null(email.SubjectVariant);
            Assert.DoesNotContain("Anna", email.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Bram", email.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("heart", email.Subject + email.Preheader, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"{ContentGenerationHarness.TrackingBaseUrl}/c/{email.EmailId}/{bestsellers[0].ItemId}", email.HtmlBody, StringComparison.Ordinal);
            // The same list for everyone, bought or not: headed as what it is, never "New for you".
            Assert.Contains(">This week&#x27;s bestsellers</h2>", email.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("This week's bestsellers\n", email.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("New for you", email.HtmlBody + email.TextBody, StringComparison.Ordinal);
        });
        Assert.Equal(emails[0].Preheader, emails[1].Preheader);
    }

    [Fact]
    public async Task The_personalised_arm_of_the_same_campaign_keeps_its_own_items_hour_and_subject()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TrainAsync(host, OnlineRetailProducts.First(20).Skip(10).ToList(), trainedAt: DateTimeOffset.UtcNow);
        var items = OnlineRetailProducts.First(6);
        var wednesdayEvening = (2 * 24) + 19;
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: items, sendTime: TestProfiles.PreferringHour(wednesdayEvening));

        await host.PublishPageAsync(Command("autumn-1", "17850", CampaignArms.Personalised));
        await host.WaitForCommandsAsync(1);

        var email = Assert.Single(host.Published<EmailReady>());
        Assert.Equal(items.Take(4).Select(item => item.ItemId), email.ItemIds);
        Assert.Equal(new DateTimeOffset(2030, 1, 9, 19, 0, 0, TimeSpan.Zero), email.SendAt);
        Assert.Equal(CampaignArms.Personalised, email.Arm);
        Assert.NotEqual("Tailor Shop: this week's bestsellers", email.Subject);
    }

    [Fact]
    public async Task The_control_group_passes_the_same_checks_consent_and_suppression_included()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TrainAsync(host, OnlineRetailProducts.First(4), trainedAt: DateTimeOffset.UtcNow);
        await TestProfiles.WriteAsync(host.Profiles, "no-consent", consent: false);
        await TestProfiles.WriteAsync(host.Profiles, "suppressed", suppressed: true);

        await host.PublishPageAsync(Command("autumn-1", "no-consent", CampaignArms.Control));
        await host.PublishPageAsync(Command("autumn-1", "suppressed", CampaignArms.Control));
        await host.WaitForCommandsAsync(2);

        Assert.Empty(host.Published<EmailReady>());
        Assert.Equal(
            [SuppressionReasons.NoConsent, SuppressionReasons.Suppressed],
            host.Published<EmailSuppressed>().OrderBy(suppressed => suppressed.UserId, StringComparer.Ordinal).Select(suppressed => suppressed.Reason));
    }

    [Fact]
    public async Task A_control_email_counts_against_the_frequency_cap_like_any_other()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TrainAsync(host, OnlineRetailProducts.First(4), trainedAt: DateTimeOffset.UtcNow);
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(6));

        // Newsletters are capped at one a week: the control email of the first takes the user's place.
        await host.PublishPageAsync(Command("news-1", "17850", CampaignArms.Control) with { CampaignType = CampaignTypes.Newsletter });
        await host.WaitForCommandsAsync(1);
        await host.PublishPageAsync(Command("news-2", "17850", CampaignArms.Personalised) with { CampaignType = CampaignTypes.Newsletter });
        await host.WaitForCommandsAsync(2);

        var email = Assert.Single(host.Published<EmailReady>());
        var suppressed = Assert.Single(host.Published<EmailSuppressed>());
        Assert.Equal(("news-1", CampaignArms.Control), (email.CampaignId, email.Arm));
        Assert.Equal(("news-2", SuppressionReasons.FrequencyCap), (suppressed.CampaignId, suppressed.Reason));
    }

    [Fact]
    public async Task Without_a_bestseller_list_the_control_group_gets_nothing_rather_than_the_personalised_email()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(6));

        await host.PublishPageAsync(Command("autumn-1", "17850", CampaignArms.Control));
        await host.WaitForCommandsAsync(1);

        Assert.Empty(host.Published<EmailReady>());
        Assert.Equal(SuppressionReasons.NoContent, Assert.Single(host.Published<EmailSuppressed>()).Reason);
    }

    [Fact]
    public async Task Only_a_promoted_recommenders_list_is_kept_and_an_older_one_never_replaces_a_newer_one()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var current = OnlineRetailProducts.First(4);

        await TrainAsync(host, current, trainedAt: now);
        await TrainAsync(host, OnlineRetailProducts.First(8).Skip(4).ToList(), trainedAt: now.AddHours(1), promoted: false);
        await TrainAsync(host, OnlineRetailProducts.First(12).Skip(8).ToList(), trainedAt: now.AddHours(-1));

        var kept = await host.Services.GetRequiredService<Bestsellers>().ReadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(current.Select(item => item.ItemId), kept?.Items.Select(item => item.ItemId));
    }

    /// <summary>A list is kept until a later training's replaces it: one dated 9999 would be every control group's for good.</summary>
    [Fact]
    public async Task A_training_dated_9999_is_refused_so_the_next_trainings_bestsellers_are_kept()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var future = Training(OnlineRetailProducts.First(4), new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero));

        await host.PublishAsync(future);
        Assert.True(await host.PublishedWithinAsync<Fault<RecommenderTrained>>(fault => fault.Message.EventId == future.EventId, TimeSpan.FromSeconds(30)));
        var next = OnlineRetailProducts.First(8).Skip(4).ToList();
        await TrainAsync(host, next, trainedAt: DateTimeOffset.UtcNow);

        Assert.Contains("OccurredAt: 9999-12-31", Assert.Single(host.Published<Fault<RecommenderTrained>>()).Exceptions.Single().Message, StringComparison.Ordinal);
        var kept = await host.Services.GetRequiredService<Bestsellers>().ReadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(next.Select(item => item.ItemId), kept?.Items.Select(item => item.ItemId));
    }

    /// <summary>A list holding null would fail every control email written from it, in every campaign after.</summary>
    [Fact]
    public async Task A_bestseller_list_holding_null_is_refused_and_control_emails_keep_the_list_before_it()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var current = OnlineRetailProducts.First(4);
        await TrainAsync(host, current, trainedAt: DateTimeOffset.UtcNow.AddHours(-1));
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(6));
        var broken = Training([null!, .. OnlineRetailProducts.First(8).Skip(4)], DateTimeOffset.UtcNow);

        await host.PublishAsync(broken);
        Assert.True(await host.PublishedWithinAsync<Fault<RecommenderTrained>>(fault => fault.Message.EventId == broken.EventId, TimeSpan.FromSeconds(30)));
        await host.PublishPageAsync(Command("autumn-1", "17850", CampaignArms.Control));
        await host.WaitForCommandsAsync(1);

        Assert.Contains($"{broken.EventId}: Bestsellers[0]: Must not be null.", Assert.Single(host.Published<Fault<RecommenderTrained>>()).Exceptions.Single().Message, StringComparison.Ordinal);
        Assert.Equal(current.Select(item => item.ItemId), Assert.Single(host.Published<EmailReady>()).ItemIds);
    }

    private static int _trainings;

    private static RecommenderTrained Training(IReadOnlyList<RecommendedItem> bestsellers, DateTimeOffset trainedAt) =>
        new(Guid.NewGuid(), trainedAt, $"als-{Interlocked.Increment(ref _trainings)}", 100, 40, 1_000, TimeSpan.FromSeconds(3), null, Bestsellers: bestsellers);

    [Fact]
    public async Task The_control_group_of_a_user_without_a_send_time_slice_is_sent_on_their_countrys_clock()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TrainAsync(host, OnlineRetailProducts.First(4), trainedAt: DateTimeOffset.UtcNow);
        await TestProfiles.WriteAsync(host.Profiles, "12347", items: OnlineRetailProducts.First(6), country: "United States");

        await host.PublishPageAsync(Command("autumn-1", "12347", CampaignArms.Control));
        await host.WaitForCommandsAsync(1);

        // The window opens at 19:30 the evening before in New York: the first whole hour before quiet hours is 20:00
        // there, where a UTC clock would have held the send until 08:00 UTC, 03:00 in New York.
        var email = Assert.Single(host.Published<EmailReady>());
        Assert.Equal(CampaignArms.Control, email.Arm);
        Assert.Equal(new DateTimeOffset(2030, 1, 7, 1, 0, 0, TimeSpan.Zero), email.SendAt);
    }

    private static async Task TrainAsync(ConsumerHarness host, IReadOnlyList<RecommendedItem> bestsellers, DateTimeOffset trainedAt, bool promoted = true)
    {
        var consumed = host.Harness.Consumed.Select<RecommenderTrained>(TestContext.Current.CancellationToken).Count();
        await host.Harness.Bus.Publish(Training(bestsellers, trainedAt) with { Promoted = promoted }, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAsync<RecommenderTrained>(consumed + 1);
    }

    private static PersonalizeEmail Command(string campaignId, string userId, string arm) =>
        new(MessageIds.PersonalizeEmail(campaignId, userId), userId, DateTimeOffset.UtcNow, campaignId, "Autumn favourites", "Bring customers back", WindowStart, WindowEnd)
        {
            Arm = arm,
        };
}
