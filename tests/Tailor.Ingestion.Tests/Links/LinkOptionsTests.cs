using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.Ingestion.Links;

namespace Tailor.Ingestion.Tests.Links;

/// <summary><c>Tailor:Ingestion:Links</c>: a fallback that is a web page, and the brand the emails carry, checked when Ingestion starts.</summary>
public sealed class LinkOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_the_brand_is_the_emails_default()
    {
        var options = Resolve([]);

        Assert.Equal(("https://example.com/", "Tailor Shop"), (options.FallbackUrl, options.BrandName));
    }

    [Fact]
    public void Brand_is_read_from_content_generations_setting_and_never_set_apart()
    {
        var options = Resolve(new()
        {
            ["Tailor:ContentGeneration:BrandName"] = "Hearth & Home",
            ["Tailor:Ingestion:Links:BrandName"] = "Another Shop",
        });

        Assert.Equal("Hearth & Home", options.BrandName);
    }

    [Theory]
    [InlineData("Tailor:Ingestion:Links:FallbackUrl", "/home", "FallbackUrl")]
    [InlineData("Tailor:Ingestion:Links:FallbackUrl", "ftp://shop.example.com/", "FallbackUrl")]
    [InlineData("Tailor:Ingestion:Links:FallbackUrl", "javascript:alert(1)", "FallbackUrl")]
    [InlineData("Tailor:Ingestion:Links:FallbackUrl", "", "FallbackUrl")]
    [InlineData("Tailor:ContentGeneration:BrandName", "Shop\r\nX-Injected: 1", "BrandName")]
    [InlineData("Tailor:ContentGeneration:BrandName", "A brand name far longer than forty characters", "BrandName")]
    public void Invalid_settings_stop_the_start_naming_the_setting(string key, string value, string named)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));

        Assert.Contains(named, string.Join(' ', failure.Failures), StringComparison.Ordinal);
    }

    private static LinkOptions Resolve(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddIngestion();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<LinkOptions>>().Value;
    }
}
