using Tailor.ContentGeneration.Campaigns;
using Tailor.ContentGeneration.Control;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.ContentGeneration.Tests;

public sealed class ControlGroupTests
{
    private static readonly DateTimeOffset WindowStart = new(2030, 1, 7, 0, 30, 0, TimeSpan.Zero);
    private static readonly string[] TenThousandUsers = [.. Enumerable.Range(10_000, 10_000).Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    [Theory]
    [InlineData(0.0)]
    [InlineData(null)]
    public void A_share_of_zero_or_none_holds_nobody_out(double? share)
    {
        Assert.All(TenThousandUsers, userId => Assert.Equal(CampaignArms.Personalised, ControlGroup.Arm("autumn-1", userId, share)));
    }

    [Fact]
    public void Five_percent_of_ten_thousand_users_is_about_five_hundred_and_the_same_users_every_time()
    {
        var control = Controls("autumn-1", 0.05);

        // Binomial(10000, 0.05): mean 500, standard deviation 21.8; the hash is fixed, so this holds every run.
        Assert.InRange(control.Count, 440, 560);
        Assert.Equal(control, Controls("autumn-1", 0.05));
        // A larger share holds out the same users and more: the draw is the user's, the share only its threshold.
        Assert.Subset(Controls("autumn-1", 0.2), control);
    }

    [Fact]
    public void Each_campaign_draws_its_own_control_group()
    {
        var autumn = Controls("autumn-1", 0.05);
        var winter = Controls("winter-1", 0.05);

        // Independent draws share about 5% of 5% of the users (25); the same draw would share all 500.
        Assert.InRange(autumn.Intersect(winter).Count(), 5, 60);
    }

    [Fact]
    public void Draws_are_spread_evenly_over_zero_to_one()
    {
        var draws = TenThousandUsers.Select(userId => ControlGroup.Draw("autumn-1", userId)).ToList();

        Assert.All(draws, draw => Assert.InRange(draw, 0, 1 - double.Epsilon));
        // Ten bins of 1,000 expected each; a binomial standard deviation of 30 each.
        Assert.All(draws.GroupBy(draw => (int)(draw * 10)), bin => Assert.InRange(bin.Count(), 880, 1_120));
    }

    [Fact]
    public async Task Fan_out_names_each_users_arm_records_the_control_size_and_a_second_replica_decides_the_same()
    {
        string[] audience = [.. TenThousandUsers.Take(60)];
        var campaign = new CampaignRequested(
            Guid.NewGuid(), "autumn-1", DateTimeOffset.UtcNow, "Autumn favourites", "Bring customers back", audience, WindowStart, WindowStart.AddDays(7),
            ControlShare: 0.3);
        var ct = TestContext.Current.CancellationToken;

        // Two replicas at once, each with its own store: the arms come from the hash alone, not from anything either kept.
        await using var first = await ContentGenerationHarness.StartAsync();
        await using var second = await ContentGenerationHarness.StartAsync();
        var arms = new List<Dictionary<string, string?>>();
        foreach (var replica in new[] { first, second })
        {
            await replica.Harness.Bus.Publish(campaign, ct);
            await replica.WaitForCommandsAsync(audience.Length);
            var commands = replica.PublishedCommands();
            arms.Add(commands.ToDictionary(command => command.UserId, command => command.Arm));
            var stored = await replica.Documents.FindAsync<CampaignRecord>(ContentGenerationNames.CampaignsCollection, "autumn-1", ct);
            Assert.Equal(commands.Count(command => command.Arm == CampaignArms.Control), stored?.ControlSize);
            Assert.False(await replica.FaultPublishedAsync<CampaignRequested>());
        }

        Assert.Equal(audience.ToDictionary(userId => userId, userId => (string?)ControlGroup.Arm("autumn-1", userId, 0.3)), arms[0]);
        Assert.Equal(arms[0], arms[1]);
        Assert.Contains(CampaignArms.Control, arms[0].Values);
        Assert.Contains(CampaignArms.Personalised, arms[0].Values);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0.6)]
    public async Task A_campaign_with_a_control_share_out_of_range_is_refused(double share)
    {
        await using var host = await ContentGenerationHarness.StartAsync();
        var campaign = new CampaignRequested(
            Guid.NewGuid(), "autumn-1", DateTimeOffset.UtcNow, "Autumn favourites", "Bring customers back", ["17850"], WindowStart, WindowStart.AddDays(7),
            ControlShare: share);

        await host.Harness.Bus.Publish(campaign, TestContext.Current.CancellationToken);

        Assert.True(await host.FaultPublishedAsync<CampaignRequested>());
        Assert.Empty(host.PublishedCommands());
    }

    private static HashSet<string> Controls(string campaignId, double share) =>
        [.. TenThousandUsers.Where(userId => ControlGroup.Arm(campaignId, userId, share) == CampaignArms.Control)];
}
