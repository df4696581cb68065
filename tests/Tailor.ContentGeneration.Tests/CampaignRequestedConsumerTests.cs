using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Tailor.ContentGeneration.Campaigns;
using Tailor.ContentGeneration.Diagnostics;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.ContentGeneration.Tests;

public sealed class CampaignRequestedConsumerTests
{
    private const int ReachedNoUser = 6111;

    private static readonly DateTimeOffset WindowStart = new(2030, 1, 7, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Consume_campaign_fans_out_one_command_to_every_audience_user()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        string[] audience = ["17850", "13047", "12583", "13748", "15100", "15291", "14688"];
        var campaign = Campaign("autumn-1", [.. audience, "13047"]) with { CampaignType = CampaignTypes.Newsletter };

        await host.Harness.Bus.Publish(campaign, ct);
        await host.WaitForCommandsAsync(audience.Length);

        var commands = host.PublishedCommands();
        Assert.Equal(audience.Order(), commands.Select(command => command.UserId).Order());
        Assert.All(commands, command =>
        {
            Assert.Equal(MessageIds.PersonalizeEmail("autumn-1", command.UserId), command.EventId);
            Assert.Equal(("autumn-1", "Autumn favourites", "Bring customers back"), (command.CampaignId, command.CampaignName, command.Goal));
            Assert.Equal((campaign.SendWindowStart, campaign.SendWindowEnd), (command.SendWindowStart, command.SendWindowEnd));
            Assert.Equal(CampaignTypes.Newsletter, command.CampaignType);
        });

        var stored = await host.Documents.FindAsync<CampaignRecord>(ContentGenerationNames.CampaignsCollection, "autumn-1", ct);
        Assert.Equal(audience.Length, stored?.AudienceSize);
        Assert.Equal(campaign.Name, stored?.Request.Name);
        Assert.False(await host.FaultPublishedAsync<CampaignRequested>());
    }

    /// <summary>The alert on a campaign that produced no EmailReady compares these two counters campaign by campaign.</summary>
    [Fact]
    public async Task Fan_out_and_composed_emails_are_counted_by_campaign()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var commands = new MetricCollector<long>(meters, ContentGenerationTelemetry.Name, ContentGenerationMetrics.PersonalizeCommandsName);
        using var composed = new MetricCollector<long>(meters, ContentGenerationTelemetry.Name, ContentGenerationMetrics.EmailsComposedName);
        string[] audience = ["17850", "13047"];
        foreach (var userId in audience)
        {
            await TestProfiles.WriteAsync(host.Profiles, userId, items: OnlineRetailProducts.First(2));
        }

        await host.Harness.Bus.Publish(Campaign("autumn-metrics", audience) with { ControlShare = 0 }, TestContext.Current.CancellationToken);
        await host.WaitForCommandsAsync(audience.Length);
        Assert.True(await Polling.WithinAsync(() => host.Published<EmailReady>().Count == audience.Length));

        var fannedOut = Assert.Single(commands.GetMeasurementSnapshot());
        Assert.Equal((2L, "autumn-metrics"), (fannedOut.Value, fannedOut.Tags[ContentGenerationTelemetry.CampaignTag]));
        Assert.Equal(audience.Length, composed.GetMeasurementSnapshot().Count(measurement => Equals(measurement.Tags[ContentGenerationTelemetry.CampaignTag], "autumn-metrics")));
    }

    [Fact]
    public async Task Consume_campaign_without_audience_goes_to_every_known_user()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        string[] known = ["17850", "13047", "12583", "13748"];
        foreach (var userId in known)
        {
            await TestProfiles.WriteAsync(host.Profiles, userId, items: OnlineRetailProducts.First(2));
        }

        await host.Harness.Bus.Publish(Campaign("everyone-1", userIds: null), ct);
        await host.WaitForCommandsAsync(known.Length);

        Assert.Equal(known.Order(), host.PublishedCommands().Select(command => command.UserId).Order());
        Assert.False(await host.FaultPublishedAsync<CampaignRequested>());
    }

    [Fact]
    public async Task Consume_campaign_for_a_topic_goes_only_to_users_whose_dominant_topic_it_is()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await TestProfiles.WriteAsync(host.Profiles, "17850", topicLabel: "heart, holder, light");
        await TestProfiles.WriteAsync(host.Profiles, "13047", topicLabel: "cake, tea, party");
        await TestProfiles.WriteAsync(host.Profiles, "12583", topicLabel: "Heart, Holder, Light");
        await TestProfiles.WriteAsync(host.Profiles, "13748", topicLabel: null);

        await host.Harness.Bus.Publish(Campaign("hearts-1", userIds: null) with { DominantTopic = "heart, holder, light" }, ct);
        await host.WaitForConsumedAsync<CampaignRequested>(1);

        Assert.Equal(["12583", "17850"], host.PublishedCommands().Select(command => command.UserId).Order());
        var stored = await host.Documents.FindAsync<CampaignRecord>(ContentGenerationNames.CampaignsCollection, "hearts-1", ct);
        Assert.Equal(2, stored?.AudienceSize);
    }

    [Fact]
    public async Task Consume_campaign_for_a_group_writes_emails_only_for_its_members()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await TestProfiles.WriteAsync(host.Profiles, "17850", items: OnlineRetailProducts.First(2), groupIds: ["acme"]);
        await TestProfiles.WriteAsync(host.Profiles, "13047", items: OnlineRetailProducts.First(2), groupIds: ["globex"]);
        await TestProfiles.WriteAsync(host.Profiles, "12583", items: OnlineRetailProducts.First(2), groupIds: ["globex", "acme"]);
        await TestProfiles.WriteAsync(host.Profiles, "13748", items: OnlineRetailProducts.First(2));
        await TestProfiles.WriteAsync(host.Profiles, "15100", items: OnlineRetailProducts.First(2), groupIds: ["ACME"]);

        await host.Harness.Bus.Publish(Campaign("acme-renewal", userIds: null) with { GroupIds = ["acme"] }, ct);
        await host.WaitForCommandsAsync(2);
        await Polling.WithinAsync(() => host.Published<EmailReady>().Count >= 2);

        Assert.Equal(["12583", "17850"], host.Published<EmailReady>().Select(email => email.UserId).Order());
        Assert.Equal(["12583", "17850"], host.PublishedCommands().Select(command => command.UserId).Order());
        var stored = await host.Documents.FindAsync<CampaignRecord>(ContentGenerationNames.CampaignsCollection, "acme-renewal", ct);
        Assert.Equal(2, stored?.AudienceSize);
        Assert.False(await host.FaultPublishedAsync<CampaignRequested>());
    }

    [Fact]
    public async Task Consume_campaign_for_named_users_and_a_group_keeps_only_the_named_members()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await TestProfiles.WriteAsync(host.Profiles, "17850", groupIds: ["acme"]);
        await TestProfiles.WriteAsync(host.Profiles, "12583", groupIds: ["acme"]);
        await TestProfiles.WriteAsync(host.Profiles, "13047", groupIds: ["globex"]);

        await host.Harness.Bus.Publish(Campaign("acme-named", ["17850", "13047", "unknown-user"]) with { GroupIds = ["acme", "initech"] }, ct);
        await host.WaitForConsumedAsync<CampaignRequested>(1);

        Assert.Equal(["17850"], host.PublishedCommands().Select(command => command.UserId));
    }

    [Fact]
    public async Task A_campaign_whose_audience_matches_nobody_is_finished_with_a_warning_naming_it()
    {
        var logs = new FakeLogCollector();
        await using var host = await ContentGenerationHarness.StartAsync(logs: logs);
        var ct = TestContext.Current.CancellationToken;
        await TestProfiles.WriteAsync(host.Profiles, "17850", topicLabel: "heart, holder, light");

        await host.Harness.Bus.Publish(Campaign("nobody-1", userIds: null) with { DominantTopic = "nope", GroupIds = ["acme", "globex"] }, ct);
        await host.WaitForConsumedAsync<CampaignRequested>(1);

        Assert.Empty(host.PublishedCommands());
        var stored = await host.Documents.FindAsync<CampaignRecord>(ContentGenerationNames.CampaignsCollection, "nobody-1", ct);
        Assert.Equal(0, stored?.AudienceSize);
        var warning = Assert.Single(logs.GetSnapshot(), record => record.Id.Id == ReachedNoUser);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.StartsWith(
            "Campaign nobody-1 ('Autumn favourites') reached no user, so no email is written: nobody is in its audience " +
            "(all users with a profile whose dominant topic is 'nope' and in group 'acme' or 'globex').",
            warning.Message,
            StringComparison.Ordinal);
        Assert.False(await host.FaultPublishedAsync<CampaignRequested>());
    }

    [Fact]
    public async Task A_campaign_for_everyone_before_any_user_exists_says_so_once()
    {
        var logs = new FakeLogCollector();
        await using var host = await ContentGenerationHarness.StartAsync(logs: logs);
        var ct = TestContext.Current.CancellationToken;
        var campaign = Campaign("too-early-1", userIds: null);

        await host.Harness.Bus.Publish(campaign, ct);
        await host.Harness.Bus.Publish(campaign with { EventId = Guid.NewGuid() }, ct);
        await host.WaitForConsumedAsync<CampaignRequested>(2);

        var warning = Assert.Single(logs.GetSnapshot(), record => record.Id.Id == ReachedNoUser);
        Assert.Contains("nobody is in its audience (all users with a profile)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_that_reaches_someone_warns_of_nothing()
    {
        var logs = new FakeLogCollector();
        await using var host = await ContentGenerationHarness.StartAsync(logs: logs);
        await TestProfiles.WriteAsync(host.Profiles, "17850", topicLabel: "heart, holder, light");

        await host.Harness.Bus.Publish(Campaign("hearts-2", userIds: null) with { DominantTopic = "heart, holder, light" }, TestContext.Current.CancellationToken);
        await host.WaitForConsumedAsync<CampaignRequested>(1);

        Assert.Equal(["17850"], host.PublishedCommands().Select(command => command.UserId));
        Assert.DoesNotContain(logs.GetSnapshot(), record => record.Id.Id == ReachedNoUser);
    }

    [Fact]
    public async Task Consume_campaign_with_a_blank_group_id_faults()
    {
        await using var host = await ContentGenerationHarness.StartAsync();

        await host.Harness.Bus.Publish(Campaign("blank-group", userIds: null) with { GroupIds = ["acme", " "] }, TestContext.Current.CancellationToken);

        Assert.True(await host.FaultPublishedAsync<CampaignRequested>());
        Assert.Empty(host.PublishedCommands());
    }

    [Fact]
    public async Task Consume_redelivered_campaign_has_one_effect_per_user()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        string[] audience = ["17850", "13047"];
        foreach (var userId in audience)
        {
            await TestProfiles.WriteAsync(host.Profiles, userId, items: OnlineRetailProducts.First(2));
        }

        var campaign = Campaign("autumn-2", audience);
        await host.Harness.Bus.Publish(campaign, ct);
        await host.WaitForCommandsAsync(audience.Length);

        // The same request again, and the same campaign requested again under a new EventId.
        await host.Harness.Bus.Publish(campaign, ct);
        await host.Harness.Bus.Publish(campaign with { EventId = Guid.NewGuid() }, ct);
        await host.WaitForConsumedAsync<CampaignRequested>(3);

        Assert.Equal(audience.Length, host.PublishedCommands().Count);
        Assert.Equal(audience.Order(), host.Published<EmailReady>().Select(email => email.UserId).Order());
        // Recorded: the first request, the request under a new EventId (the redelivery is a duplicate), two commands.
        Assert.Equal(4, await host.Events.CountAsync(ContentGenerationNames.Stream, ct));
        Assert.False(await host.FaultPublishedAsync<CampaignRequested>());
        Assert.False(await host.FaultPublishedAsync<PersonalizeEmails>());
    }

    [Fact]
    public async Task Consume_campaign_whose_window_ends_before_it_starts_faults()
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var campaign = Campaign("backwards-1", ["17850"]) with { SendWindowEnd = WindowStart.AddHours(-1) };

        await host.Harness.Bus.Publish(campaign, TestContext.Current.CancellationToken);

        Assert.True(await host.FaultPublishedAsync<CampaignRequested>());
        Assert.Empty(host.PublishedCommands());
    }

    [Theory]
    [InlineData("Newsletter")]
    [InlineData("")]
    [InlineData("news letter")]
    public async Task Consume_campaign_with_a_malformed_type_faults(string campaignType)
    {
        await using var host = await ContentGenerationHarness.StartAsync();

        await host.Harness.Bus.Publish(Campaign("typo-1", ["17850"]) with { CampaignType = campaignType }, TestContext.Current.CancellationToken);

        Assert.True(await host.FaultPublishedAsync<CampaignRequested>());
        Assert.Empty(host.PublishedCommands());
    }

    public static TheoryData<string, string> RefusedOnTheBus => new()
    {
        { "a window ending in 9999", "SendWindowEnd: Must be at most 3650 days ahead of this server's clock" },
        { "a window starting in year 1", "SendWindowStart: Must not be before 2000-01-01" },
        { "a request dated 9999", "OccurredAt: 9999-12-31" },
        { "a campaign id '..'", "CampaignId: Must not be '.' or '..'" },
        { "no name", "Name: Must not be empty." },
        { "a user id '..' in the audience", "UserIds[1]: Must not be '.' or '..'" },
    };

    [Theory]
    [MemberData(nameof(RefusedOnTheBus))]
    public async Task Consume_campaign_refused_on_the_bus_faults_saying_why_and_stores_nothing_while_the_one_beside_it_fans_out(string because, string problem)
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var good = Campaign("good-1", ["17850"]);
        var bad = Refused(because, Campaign("bad-1", ["13047"]));

        await host.Harness.Bus.Publish(bad, ct);
        await host.Harness.Bus.Publish(good, ct);
        await host.WaitForCommandsAsync(1);

        var fault = Assert.Single(host.Published<MassTransit.Fault<CampaignRequested>>());
        Assert.Equal(bad.EventId, fault.Message.EventId);
        Assert.Contains(problem, Assert.Single(fault.Exceptions).Message, StringComparison.Ordinal);
        Assert.Equal(["17850"], host.PublishedCommands().Select(command => command.UserId));
        Assert.Null(await host.Documents.FindAsync<CampaignRecord>(ContentGenerationNames.CampaignsCollection, bad.CampaignId, ct));
        Assert.False(await host.Events.ContainsAsync(ContentGenerationNames.Stream, bad.EventId, ct));
    }

    private static CampaignRequested Refused(string because, CampaignRequested campaign) => because switch
    {
        "a window ending in 9999" => campaign with { SendWindowEnd = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero) },
        "a window starting in year 1" => campaign with { SendWindowStart = DateTimeOffset.MinValue },
        "a request dated 9999" => campaign with { OccurredAt = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero) },
        "a campaign id '..'" => campaign with { CampaignId = ".." },
        "no name" => campaign with { Name = null! },
        "a user id '..' in the audience" => campaign with { UserIds = ["13047", ".."] },
        _ => throw new ArgumentOutOfRangeException(nameof(because), because, null),
    };

    private static CampaignRequested Campaign(string campaignId, IReadOnlyList<string>? userIds) =>
        new(Guid.NewGuid(), campaignId, DateTimeOffset.UtcNow, "Autumn favourites", "Bring customers back", userIds, WindowStart, WindowStart.AddDays(7));
}
