using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tailor.Host.CommandLine;
using Tailor.Ingestion;
using Tailor.Ingestion.Security;

namespace Tailor.Host.Tests.CommandLine;

/// <summary><c>tailor api-key new</c> prints configuration that Ingestion accepts, and refuses a name it would not.</summary>
public sealed class ApiKeyCommandTests
{
    [Fact]
    public void The_printed_configuration_starts_Ingestion_with_the_key_and_its_scopes()
    {
        using var output = new StringWriter();

        Assert.Equal(0, ApiKeyCommand.Run(["new", "--client", "crm team", "--scopes", "events,catalog"], output));

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        foreach (var line in output.ToString().Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("Tailor__", StringComparison.Ordinal)))
        {
            var (name, value) = (line[..line.IndexOf('=', StringComparison.Ordinal)], line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            builder.Configuration[name.Replace("__N__", "__0__", StringComparison.Ordinal).Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        builder.AddIngestion();
        using var host = builder.Build();
        var key = Assert.Single(host.Services.GetRequiredService<IOptions<IngestionOptions>>().Value.ApiKeys);
        var printedKey = output.ToString().Split('\n')[0].Split(": ")[^1].Trim();
        Assert.Equal("crm team", key.Client);
        Assert.Equal(["events", "catalog"], key.Scopes);
        Assert.Equal(ApiKeys.Hash(printedKey), key.KeyHash);
    }

    [Theory]
    [InlineData("crm\nteam", "Must be plain text")]
    [InlineData("<crm>", "Must be plain text")]
    [InlineData(" ", "A client name is required.")]
    public void A_client_name_Ingestion_would_refuse_at_start_is_refused_here(string client, string expected)
    {
        using var output = new StringWriter();

        var refused = Assert.Throws<ArgumentException>(() => ApiKeyCommand.Run(["new", "--client", client, "--scopes", "events"], output));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }
}
