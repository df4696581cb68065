using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Tailor.ContentGeneration.Diagnostics;
using Tailor.ContentGeneration.Personalization;
using Tailor.Contracts;
using Tailor.Links;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.ContentGeneration.Tests;

public sealed class PersonalizeEmailConsumerTests
{
    // Monday 2030-01-07 00:30 UTC to a week later.
    private static readonly DateTimeOffset WindowStart = new(2030, 1, 7, 0, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowEnd = WindowStart.AddDays(7);

    [Fact]
    public async Task Consume_personalize_email_publishes_email_ready_at_the_users_best_hour_with_unsubscribe_headers()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var items = OnlineRetailProducts.First(6);
        var wednesdayEvening = (2 * 24) + 19;
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: items, sendTime: TestProfiles.PreferringHour(wednesdayEvening));
        var command = Command("autumn-1", "17850");

        await host.PublishPageAsync(command);
        await host.WaitForCommandsAsync(1);

        var email = Assert.Single(host.Published<EmailReady>());
        var emailId = MessageIds.Email("autumn-1", "17850");
        Assert.Equal(emailId, email.EmailId);
        Assert.Equal(MessageIds.EmailReady(emailId), email.EventId);
        Assert.Equal(("17850", "autumn-1", "customer-17850@example.com"), (email.UserId, email.CampaignId, email.To));
        Assert.Equal(new DateTimeOffset(2030, 1, 9, 19, 0, 0, TimeSpan.Zero), email.SendAt);
        Assert.InRange(email.SendAt, WindowStart, WindowEnd);
        Assert.Equal(ContentGenerationNames.TemplateGenerator, email.Generator);
        Assert.Equal(items.Take(4).Select(item => item.ItemId), email.ItemIds);
        Assert.InRange(email.Subject.Length, 1, 60);
        Assert.StartsWith("Hi Anna,\n\n", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(
            $"<mailto:{ContentGenerationHarness.UnsubscribeMailbox}?subject=unsubscribe-{emailId}>, " +
            $"<https://unsubscribe.shop.test/u/{emailId}?s={new LinkSignature(LinkSigningOptions.DevelopmentKey).SignUnsubscribe(emailId)}>",
            email.Headers[UnsubscribeHeaders.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers[UnsubscribeHeaders.ListUnsubscribePost]);
        Assert.Equal(emailId.ToString("D"), email.Headers[EmailHeaders.EmailId]);
        Assert.Contains($"{ContentGenerationHarness.TrackingBaseUrl}/c/{emailId}/{items[0].ItemId}", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(("\"Tailor Shop\" <shop@example.com>", $"<{emailId}@example.com>"), (email.From, email.MessageId));
        // Without a model the template composer's angles compete: the chosen one is the email's variant.
        Assert.Contains(email.SubjectVariant, Copy.SubjectAngles.All);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["tailor_email_id"] = emailId.ToString("D"), ["tailor_user_id"] = "17850", ["tailor_campaign_id"] = "autumn-1", ["tailor_arm"] = CampaignArms.Personalised, ["tailor_variant"] = email.SubjectVariant!,
            },
            email.CustomArgs);
        Assert.Equal(CampaignArms.Personalised, email.Arm);
        Assert.Empty(host.Published<EmailSuppressed>());
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task Consume_personalize_email_records_the_time_from_the_campaign_request_to_its_email()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        using var latency = new MetricCollector<double>(
            host.Services.GetRequiredService<IMeterFactory>(), ContentGenerationTelemetry.Name, ContentGenerationMetrics.CampaignToEmailName);
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(2));
        var requestedAt = DateTimeOffset.UtcNow.AddSeconds(-90);

        await host.PublishPageAsync(Command("autumn-1", "17850") with { CampaignRequestedAt = requestedAt });
        await host.WaitForCommandsAsync(1);

        var email = Assert.Single(host.Published<EmailReady>());
        var measurement = Assert.Single(latency.GetMeasurementSnapshot());
        Assert.Equal((email.OccurredAt - requestedAt).TotalSeconds, measurement.Value, precision: 6);
        Assert.InRange(measurement.Value, 90, 150);
    }

    [Fact]
    public async Task Consume_personalize_email_without_send_time_sends_at_the_first_hour_after_quiet_hours()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TestProfiles.WriteAsync(host.Profiles, "13047", firstName: null, items: OnlineRetailProducts.First(2), topicLabel: null);

        await host.PublishPageAsync(Command("autumn-1", "13047"));
        await host.WaitForCommandsAsync(1);

        // The window opens at 00:30 UTC; quiet hours (21:00–08:00 by default) hold the send until 08:00 on a UTC clock.
        var email = Assert.Single(host.Published<EmailReady>());
        Assert.Equal(WindowStart.Date.AddHours(8), email.SendAt.UtcDateTime);
        Assert.InRange(email.Subject.Length, 1, 60);
        Assert.StartsWith("Hello,\n\n", email.TextBody, StringComparison.Ordinal);
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Theory]
    [InlineData("United States", null, null, "America/New_York")]
    [InlineData("Germany", "America/New_York", null, "America/New_York")]
    [InlineData(null, null, "Asia/Kolkata", "Asia/Kolkata")]
    [InlineData("Atlantis", null, "Asia/Kolkata", "Asia/Kolkata")]
    public async Task Consume_personalize_email_without_send_time_keeps_quiet_hours_on_the_clock_SendTime_would_give_the_user(
        string? country, string? timeZone, string? accountClock, string expectedClock)
    {
        // SendTime has not written this user's slice yet (its queue lags, or the user was imported just before the
        // campaign). Planned in UTC, 08:00 UTC would be 03:00 in New York.
        var settings = accountClock is null ? null : new Dictionary<string, string?> { ["Tailor:SendTime:DefaultTimeZone"] = accountClock };
        await using var host = await ContentGenerationHarness.StartAsync(settings);
        await TestProfiles.WriteAsync(host.Profiles, "13047", items: OnlineRetailProducts.First(2), country: country, timeZone: timeZone);

        await host.PublishPageAsync(Command("autumn-1", "13047"));
        await host.WaitForCommandsAsync(1);

        // The window opens at 00:30 UTC: 19:30 the evening before in New York (20:00 is the last hour before quiet
        // hours at 21:00), 06:00 in Kolkata (quiet until 08:00).
        var local = TimeZoneInfo.ConvertTime(Assert.Single(host.Published<EmailReady>()).SendAt, TimeZoneInfo.FindSystemTimeZoneById(expectedClock));
        Assert.Equal((expectedClock == "Asia/Kolkata" ? 8 : 20, 0), (local.Hour, local.Minute));
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task Consume_personalize_email_of_a_window_under_way_places_no_send_in_an_hour_already_over_and_a_replay_in_its_own_past()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        // The user's hour was yesterday's noon (UTC); the campaign's window opened two days ago and runs two days more.
        var before = DateTimeOffset.UtcNow;
        var yesterdayNoon = new DateTimeOffset(before.UtcDateTime.Date.AddDays(-1).AddHours(12), TimeSpan.Zero);
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(2), sendTime: TestProfiles.PreferringHour(SendTimeSlice.HourOfWeek(yesterdayNoon)));
        var underWay = Command("now-1", "17850") with { SendWindowStart = before.AddDays(-2), SendWindowEnd = before.AddDays(2) };
        // A replay of 2011: the window is all past, and the send goes at the user's hour in it.
        var replayNoon = new DateTimeOffset(2011, 10, 3, 12, 0, 0, TimeSpan.Zero).AddDays(((int)yesterdayNoon.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7);
        var replay = Command("replay-1", "17850") with { SendWindowStart = new(2011, 10, 3, 0, 0, 0, TimeSpan.Zero), SendWindowEnd = new(2011, 10, 10, 0, 0, 0, TimeSpan.Zero) };

        await host.PublishPageAsync(underWay);
        await host.PublishPageAsync(replay);
        await host.WaitForCommandsAsync(2);

        var sent = host.Published<EmailReady>().ToDictionary(email => email.CampaignId, email => email.SendAt);
        // The hour under way or a later one outside quiet hours, not yesterday's noon, which would go out at once, late.
        Assert.InRange(sent["now-1"], before.AddHours(-1), before.AddDays(2));
        Assert.Equal(0, sent["now-1"].Minute);
        Assert.False(SendSchedule.Default.IsQuiet(sent["now-1"].UtcDateTime.Hour));
        Assert.Equal(replayNoon, sent["replay-1"]);
    }

    [Fact]
    public async Task Consume_personalize_email_with_a_language_model_says_which_model_wrote_it_and_which_subject_it_carries()
    {
        var items = OnlineRetailProducts.First(2);
        await using var model = await FakeChatCompletionsServer.StartAsync(FakeChatCompletionsServer.Reply.Draft(LanguageModelWriterTests.GoodDraft(items)));
        await using var host = await ContentGenerationHarness.StartWithModelAsync(model);
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: items);

        await host.PublishPageAsync(Command("autumn-1", "17850"));
        await host.WaitForCommandsAsync(1);

        var email = Assert.Single(host.Published<EmailReady>());
        Assert.Equal((ContentGenerationNames.LanguageModelGenerator, "openai/test-model"), (email.Generator, email.ModelVersion));
        Assert.Contains(email.Subject, LanguageModelWriterTests.GoodDraft(items).Subjects);
        Assert.Equal(email.SubjectVariant, email.CustomArgs?["tailor_variant"]);
        Assert.Single(model.Requests);
    }

    [Fact]
    public async Task Consume_personalize_email_whose_window_is_all_quiet_hours_is_suppressed_with_that_reason()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TestProfiles.WriteAsync(host.Profiles, "13047", firstName: null, items: OnlineRetailProducts.First(2), topicLabel: null);
        var night = Command("night-1", "13047") with { SendWindowStart = WindowStart.AddHours(1), SendWindowEnd = WindowStart.AddHours(5) };

        await host.PublishPageAsync(night);
        await host.WaitForCommandsAsync(1);

        Assert.Equal(SuppressionReasons.QuietHours, Assert.Single(host.Published<EmailSuppressed>()).Reason);
        Assert.Empty(host.Published<EmailReady>());
    }

    [Fact]
    public async Task Consume_personalize_email_for_a_suppressed_address_is_suppressed_even_with_consent()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TestProfiles.WriteAsync(host.Profiles, "17850", consent: true, items: OnlineRetailProducts.First(2), suppressed: true);

        await host.PublishPageAsync(Command("autumn-1", "17850"));
        await host.WaitForCommandsAsync(1);

        Assert.Equal(SuppressionReasons.Suppressed, Assert.Single(host.Published<EmailSuppressed>()).Reason);
        Assert.Empty(host.Published<EmailReady>());
    }

    [Fact]
    public async Task Consume_user_erased_forgets_what_this_service_recorded_about_the_user()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TestProfiles.WriteAsync(host.Profiles, "17850", consent: true, items: OnlineRetailProducts.First(2));
        await host.PublishPageAsync(Command("autumn-1", "17850"));
        await host.WaitForCommandsAsync(1);
        Assert.NotEqual(0, await host.Events.CountAsync(ContentGenerationNames.Stream, TestContext.Current.CancellationToken));

        await host.Harness.Bus.Publish(new UserErased(Guid.NewGuid(), "17850", TestProfiles.Now), TestContext.Current.CancellationToken);
        await host.WaitForConsumedAsync<UserErased>(1);

        Assert.Equal(0, await host.Events.CountAsync(ContentGenerationNames.Stream, TestContext.Current.CancellationToken));
        Assert.False(await host.FaultPublishedAsync<UserErased>());
    }

    [Fact]
    public async Task Consume_personalize_email_without_consent_is_suppressed()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TestProfiles.WriteAsync(host.Profiles, "17850", consent: false, items: OnlineRetailProducts.First(2));

        await host.PublishPageAsync(Command("autumn-1", "17850"));
        await host.WaitForCommandsAsync(1);

        var suppressed = Assert.Single(host.Published<EmailSuppressed>());
        Assert.Equal(("17850", "autumn-1", SuppressionReasons.NoConsent), (suppressed.UserId, suppressed.CampaignId, suppressed.Reason));
        Assert.Equal(MessageIds.EmailSuppressed("autumn-1", "17850"), suppressed.EventId);
        Assert.Empty(host.Published<EmailReady>());
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task Consume_personalize_email_for_a_user_without_contact_slice_is_suppressed_as_no_consent()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await host.Profiles.WriteSliceAsync(
            "12583", new RecommendationsSlice("als-1", OnlineRetailProducts.First(2), TestProfiles.Now), TestContext.Current.CancellationToken);

        await host.PublishPageAsync(Command("autumn-1", "12583"));
        await host.PublishPageAsync(Command("autumn-1", "unknown-user"));
        await host.WaitForCommandsAsync(2);

        Assert.Equal(
            [SuppressionReasons.NoConsent, SuppressionReasons.NoConsent],
            host.Published<EmailSuppressed>().Select(suppressed => suppressed.Reason));
        Assert.Empty(host.Published<EmailReady>());
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("customer@example.com\r\nBcc: victim@example.com")]
    [InlineData("no-at-sign.example.com")]
    public async Task Consume_personalize_email_without_a_usable_address_is_suppressed_as_no_address(string address)
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TestProfiles.WriteAsync(host.Profiles, "17850", email: address, items: OnlineRetailProducts.First(2));
        if (address.Length == 0)
        {
            // TestProfiles turns a null address into a default one; write the empty one as Ingestion would.
            await host.Profiles.WriteSliceAsync(
                "17850", new ContactSlice(null, "Anna", null, null, true, TestProfiles.Now), TestContext.Current.CancellationToken);
        }

        await host.PublishPageAsync(Command("autumn-1", "17850"));
        await host.WaitForCommandsAsync(1);

        Assert.Equal(SuppressionReasons.NoAddress, Assert.Single(host.Published<EmailSuppressed>()).Reason);
        Assert.Empty(host.Published<EmailReady>());
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task Consume_personalize_email_without_recommendations_is_suppressed_as_no_content()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: null);
        await TestProfiles.WriteAsync(host.Profiles, "13047", items: []);

        await host.PublishPageAsync(Command("autumn-1", "17850"));
        await host.PublishPageAsync(Command("autumn-1", "13047"));
        await host.WaitForCommandsAsync(2);

        Assert.Equal(
            [SuppressionReasons.NoContent, SuppressionReasons.NoContent],
            host.Published<EmailSuppressed>().Select(suppressed => suppressed.Reason));
        Assert.Empty(host.Published<EmailReady>());
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task Consume_personalize_email_shows_only_the_campaigns_sections_and_suppresses_an_email_left_empty()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var products = OnlineRetailProducts.First(4);
        RecommendedItem[] items =
        [
            products[0] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 3, ReorderInterval = TimeSpan.FromDays(20) },
            products[1] with { ReasonKind = ReasonKinds.Popular },
            products[2] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 1 },
            products[3] with { ReasonKind = ReasonKinds.BecauseYouBought, ReasonItemTitle = products[0].Title },
        ];
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: items);
        await TestProfiles.WriteAsync(host.Profiles, "13047", items: [items[1], items[3]]);

        await host.PublishPageAsync(Command("new-in", "17850") with { Sections = [EmailSections.NewForYou] });
        await host.PublishPageAsync(Command("both", "17850") with { Sections = [EmailSections.NewForYou, EmailSections.BuyAgain] });
        await host.PublishPageAsync(Command("restock", "13047") with { Sections = [EmailSections.BuyAgain] });
        await host.WaitForCommandsAsync(3);

        var emails = host.Published<EmailReady>().ToDictionary(email => email.CampaignId);
        Assert.Equal([items[1].ItemId, items[3].ItemId], emails["new-in"].ItemIds);
        Assert.DoesNotContain("Buy again", emails["new-in"].TextBody, StringComparison.Ordinal);
        // Sections in the campaign's order, each best first.
        Assert.Equal([items[1].ItemId, items[3].ItemId, items[0].ItemId, items[2].ItemId], emails["both"].ItemIds);
        Assert.True(
            emails["both"].TextBody.IndexOf("New for you\n", StringComparison.Ordinal) < emails["both"].TextBody.IndexOf("Buy again\n", StringComparison.Ordinal));
        Assert.Equal(SuppressionReasons.NoContent, Assert.Single(host.Published<EmailSuppressed>()).Reason);
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task Consume_duplicate_personalize_email_has_one_effect()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(3));
        var command = Command("autumn-1", "17850");

        await host.PublishPageAsync(command);
        await host.WaitForCommandsAsync(1);
        await host.PublishPageAsync(command);
        await host.WaitForCommandsAsync(2);

        Assert.Single(host.Published<EmailReady>());
        Assert.Equal(1, await host.Events.CountAsync(ContentGenerationNames.Stream, TestContext.Current.CancellationToken));
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task Consume_a_burst_with_two_copies_of_each_command_writes_and_counts_each_email_once_and_faults_on_the_bad_one()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        string[] audience = ["17850", "13047", "12583", "13748", "15100", "15291", "14688", "17809"];
        foreach (var userId in audience)
        {
            await TestProfiles.WriteAsync(host.Profiles, userId, items: OnlineRetailProducts.First(5));
        }

        // Pages published at once, as a fan-out resumed on another replica would: each page holds copies of commands
        // another page running at the same time holds, and one page holds a command that can never be handled.
        var commands = audience.Select(userId => Command("autumn-1", userId)).ToList();
        var bad = Command("autumn-1", "18041") with { CampaignId = " " };
        PersonalizeEmail[][] pages = [[.. commands[..4]], [.. commands[4..], bad], [.. commands]];
        await Task.WhenAll(pages.Select(page => host.PublishPageAsync(page)));
        await host.WaitForCommandsAsync((2 * audience.Length) + 1);

        var emails = host.Published<EmailReady>();
        Assert.Equal(audience.Order(), emails.Select(email => email.UserId).Distinct().Order());
        Assert.Equal(audience.Length, emails.Select(email => email.EmailId).Distinct().Count());
        // Every email published is recorded for Ingestion and Recommendation, with the same ids and what they act on.
        var records = host.Published<EmailsWritten>().SelectMany(page => page.Emails).ToList();
        Assert.Equal(
            emails.Select(WrittenEmailRecord.Of).Select(Describe).Order(StringComparer.Ordinal),
            records.Select(Describe).Order(StringComparer.Ordinal));
        Assert.All(host.Published<EmailsWritten>(), page => Assert.Equal("autumn-1", page.CampaignId));
        var test = await host.Services.GetRequiredService<Subjects.SubjectBandit>().FindAsync(Subjects.SubjectBandit.AngleTestKey("autumn-1"), ct);
        Assert.Equal(audience.Length, test!.Variants.Sum(variant => variant.Shown));
        foreach (var userId in audience)
        {
            var ledger = await host.Services.GetRequiredService<Frequency.FrequencyGuard>().FindAsync(userId, ct);
            Assert.Equal(MessageIds.Email("autumn-1", userId), Assert.Single(ledger!.Sends).EmailId);
        }

        Assert.Equal(audience.Length, await host.Events.CountAsync(ContentGenerationNames.Stream, ct));
        Assert.True(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task Consume_campaign_for_an_audience_ends_in_one_email_ready_per_user()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        string[] audience = ["17850", "13047", "12583", "13748", "15100"];
        for (var i = 0; i < audience.Length; i++)
        {
            await TestProfiles.WriteAsync(host.Profiles, audience[i], items: OnlineRetailProducts.First(10).Skip(i).Take(4).ToList(), sendTime: TestProfiles.PreferringHour(10 + i));
        }

        await host.Harness.Bus.Publish(
            new CampaignRequested(Guid.NewGuid(), "autumn-3", DateTimeOffset.UtcNow, "Autumn favourites", "Bring customers back", audience, WindowStart, WindowEnd),
            ct);
        await host.WaitForCommandsAsync(audience.Length);

        var emails = host.Published<EmailReady>();
        Assert.Equal(audience.Order(), emails.Select(email => email.UserId).Order());
        Assert.Equal(audience.Length, emails.Select(email => email.EmailId).Distinct().Count());
        Assert.All(emails, email => Assert.InRange(email.SendAt, WindowStart, WindowEnd));
        Assert.False(await host.FaultPublishedAsync<CampaignRequested>());
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task Consume_email_engaged_is_recorded_once()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var engaged = new EmailEngaged(
            Guid.NewGuid(), "17850", DateTimeOffset.UtcNow, MessageIds.Email("autumn-1", "17850"), "autumn-1", EngagementKind.Click, null, "85123A", false);

        await host.Harness.Bus.Publish(engaged, TestContext.Current.CancellationToken);
        await host.Harness.Bus.Publish(engaged, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAsync<EmailEngaged>(2);

        var recorded = await host.Events
            .ReadMessagesAsync<EmailEngaged>(new EventQuery(ContentGenerationNames.Stream), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(engaged.EventId, Assert.Single(recorded).EventId);
        Assert.False(await host.FaultPublishedAsync<EmailEngaged>());
    }

    private static PersonalizeEmail Command(string campaignId, string userId) =>
        new(MessageIds.PersonalizeEmail(campaignId, userId), userId, DateTimeOffset.UtcNow, campaignId, "Autumn favourites", "Bring customers back", WindowStart, WindowEnd);

    private static string Describe(WrittenEmailRecord record) =>
        $"{record.EventId} {record.UserId} {record.EmailId} {record.SendAt:O} {string.Join(',', record.ItemIds)} {record.SubjectVariant} {record.Arm}";
}
