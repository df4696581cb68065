using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Tailor.ContentGeneration.Tests;

public sealed class ContentGenerationOptionsTests
{
    [Fact]
    public void AddContentGeneration_defaults_are_valid()
    {
        var options = Resolve([]);

        Assert.Equal("Tailor Shop", options.BrandName);
        Assert.Equal("£", options.CurrencySymbol);
        Assert.Equal(4, options.MaxItems);
    }

    [Theory]
    [InlineData("TrackingBaseUrl", "/c")]
    [InlineData("TrackingBaseUrl", "ftp://click.shop.test")]
    [InlineData("UnsubscribeBaseUrl", "https://unsubscribe.shop.test/?user=1")]
    [InlineData("UnsubscribeMailbox", "not-an-address")]
    [InlineData("UnsubscribeMailbox", "leave@shop.test>, <https://evil.test")]
    [InlineData("MaxItems", "0")]
    [InlineData("BrandName", "")]
    public void AddContentGeneration_rejects_invalid_settings(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [$"Tailor:ContentGeneration:{key}"] = value }));

        Assert.Contains(key, string.Join(' ', error.Failures), StringComparison.Ordinal);
    }

    private static ContentGenerationOptions Resolve(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddContentGeneration();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<ContentGenerationOptions>>().Value;
    }
}
