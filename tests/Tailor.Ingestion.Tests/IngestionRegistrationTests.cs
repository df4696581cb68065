using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Tests;

public sealed class IngestionRegistrationTests
{
    [Fact]
    public void AddIngestion_binds_limits_from_configuration_and_contributes_the_endpoints()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Tailor:Ingestion:MaxBatchBytes"] = "262144";
        builder.AddIngestion();

        using var host = builder.Build();

        Assert.Equal(262_144, host.Services.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxBatchBytes);
        Assert.Equal(32 * 1024, host.Services.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxCallBytes);
        Assert.Equal(TimeSpan.FromDays(5), host.Services.GetRequiredService<IOptions<IngestionOptions>>().Value.ConversionWindow);
        Assert.Equal(
            ["ApiKeyAdminEndpoints", "ApiReferenceEndpoints", "CampaignReportEndpoints", "IngestionEndpoints", "LinkEndpoints", "ModelAdminEndpoints", "UserDataEndpoints", "WebhookEndpoints"],
            host.Services.GetServices<IEndpointModule>().Select(module => module.GetType().Name).Order());
    }

    [Theory]
    [InlineData("KeyHash", "not-a-hash", "KeyHash")]
    [InlineData("Scopes:0", "everything", "unknown scope 'everything'")]
    [InlineData("Client", "shop\u001b[2J", "Must be plain text")]
    [InlineData("Client", "<b>shop</b>", "Must be plain text")]
    [InlineData("Client", " ", "A client name is required.")]
    public void AddIngestion_with_a_bad_configured_key_fails_validation_naming_it(string field, string value, string expected)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Tailor:Ingestion:ApiKeys:0:Client"] = "shop";
        builder.Configuration["Tailor:Ingestion:ApiKeys:0:KeyHash"] = new string('a', 64);
        builder.Configuration["Tailor:Ingestion:ApiKeys:0:Scopes:0"] = "events";
        builder.Configuration[$"Tailor:Ingestion:ApiKeys:0:{field}"] = value;
        builder.AddIngestion();

        using var host = builder.Build();

        var invalid = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<IngestionOptions>>().Value);
        Assert.Contains(invalid.Failures, failure => failure.Contains("ApiKeys:0", StringComparison.Ordinal) && failure.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PostmarkUsername")]
    [InlineData("PostmarkPassword")]
    public void AddIngestion_with_half_of_postmarks_credentials_fails_validation_naming_both(string half)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"Tailor:Ingestion:Webhooks:{half}"] = "set";
        builder.AddIngestion();

        using var host = builder.Build();

        var invalid = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<Tailor.Ingestion.Webhooks.WebhookOptions>>().Value);
        Assert.Contains(invalid.Failures, failure => failure.Contains("Tailor:Ingestion:Webhooks:PostmarkUsername and Tailor:Ingestion:Webhooks:PostmarkPassword", StringComparison.Ordinal));
    }

    [Fact]
    public void AddIngestion_takes_configured_webhook_lists_instead_of_their_defaults()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Tailor:Ingestion:Webhooks:SesConfirmationHosts:0"] = "sns.eu-west-1.amazonaws.com";
        builder.Configuration["Tailor:Ingestion:Webhooks:MachineOpenUserAgentFragments:0"] = "LinkScanner";
        builder.AddIngestion();

        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<Tailor.Ingestion.Webhooks.WebhookOptions>>().Value;
        Assert.Equal(["sns.eu-west-1.amazonaws.com"], options.SesConfirmationHosts);
        Assert.Equal(["LinkScanner"], options.MachineOpenUserAgentFragments);
        Assert.Equal(new Tailor.Ingestion.Webhooks.WebhookOptions().MachineOpenUserAgents, options.MachineOpenUserAgents);
    }

    /// <summary>An empty templated variable makes a blank entry, which every user agent contains: every open would be a machine's.</summary>
    [Fact]
    public void AddIngestion_refuses_a_blank_entry_in_a_configured_list_naming_it()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Tailor:Ingestion:Webhooks:MachineOpenUserAgentFragments:0"] = "LinkScanner";
        builder.Configuration["Tailor:Ingestion:Webhooks:MachineOpenUserAgentFragments:1"] = " ";
        builder.AddIngestion();

        using var host = builder.Build();

        var invalid = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<Tailor.Ingestion.Webhooks.WebhookOptions>>().Value);
        Assert.Contains("Tailor:Ingestion:Webhooks:MachineOpenUserAgentFragments:1 ' ' is not a non-blank value.", invalid.Failures);
    }

    [Theory]
    [InlineData("00:30:00")]
    [InlineData("31.00:00:00")]
    public void AddIngestion_refuses_a_conversion_window_outside_an_hour_to_30_days_naming_it(string window)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Tailor:Ingestion:ConversionWindow"] = window;
        builder.AddIngestion();

        using var host = builder.Build();

        var invalid = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<IngestionOptions>>().Value);
        Assert.Contains(invalid.Failures, failure => failure.Contains("'ConversionWindow' with the error: 'The field ConversionWindow must be between 01:00:00 and 30.00:00:00.'", StringComparison.Ordinal));
        Assert.Equal(typeof(IngestionOptions), invalid.OptionsType);
    }

    [Fact]
    public void AddIngestion_with_an_impossible_limit_fails_validation()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Tailor:Ingestion:MaxBatchItems"] = "0";
        builder.AddIngestion();

        using var host = builder.Build();

        var invalid = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<IngestionOptions>>().Value);
        Assert.Contains(invalid.Failures, failure => failure.Contains("MaxBatchItems", StringComparison.Ordinal));
    }
}
