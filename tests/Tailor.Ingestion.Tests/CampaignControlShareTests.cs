using System.Net;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests;

/// <summary>A campaign's <c>controlShare</c>: the share of its audience held out as the control group.</summary>
public sealed class CampaignControlShareTests
{
    private static readonly DateTimeOffset WindowStart = new(2011, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    public async Task A_campaign_that_names_no_share_holds_out_five_percent(string? share)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/campaigns", Body(share));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(CampaignArms.DefaultControlShare, Assert.Single(app.Published<CampaignRequested>()).ControlShare);
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("0.2", 0.2)]
    [InlineData("0.5", 0.5)]
    [InlineData("5e-2", 0.05)]
    public async Task A_share_from_zero_to_one_half_is_passed_on(string share, double expected)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/campaigns", Body(share));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(expected, Assert.Single(app.Published<CampaignRequested>()).ControlShare);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("0.51")]
    [InlineData("5")]
    [InlineData("\"0.05\"")]
    [InlineData("true")]
    [InlineData("1e400")]
    public async Task Any_other_share_is_a_400_naming_the_field(string share)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/campaigns", Body(share));

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Contains("Must be a number from 0 to 0.5", Assert.Single(errors, error => error.Key == "controlShare").Value[0], StringComparison.Ordinal);
        Assert.Empty(app.Published<CampaignRequested>());
    }

    private static string Body(string? share) => $$"""
        {"name": "Christmas", "goal": "Sell gift sets", "audience": "all",
         "sendWindow": {"start": "{{WindowStart:O}}", "end": "{{WindowStart.AddDays(2):O}}"}{{(share is null ? "" : $", \"controlShare\": {share}")}}}
        """;
}
