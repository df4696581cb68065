using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Tailor.Ingestion.Security;
using Tailor.Storage;

namespace Tailor.Ingestion.Tests;

/// <summary>Ingestion says at start when no API key would be let in, and how to make one; a key in configuration or in the store silences it.</summary>
public sealed class ApiKeyConfigurationReportTests
{
    private const int NoApiKeys = 1601;
    private const int NoConfiguredApiKeys = 1602;

    [Fact]
    public async Task Plain_serve_with_no_key_anywhere_warns_how_to_make_one()
    {
        await using var app = await IngestionApp.StartAsync(configuredKey: false);

        await ReportedAsync(app);
        using var refused = await app.PostRawAsync("/v1/track", """{"userId":"u1","event":"Cart Viewed"}""");

        var warning = Assert.Single(Reports(app));
        Assert.Equal((NoApiKeys, LogLevel.Warning), (warning.Id.Id, warning.Level));
        Assert.Contains("every /v1 call but the webhooks answers 401", warning.Message, StringComparison.Ordinal);
        Assert.Contains("api-key new --client NAME --scopes events,catalog,campaigns,admin", warning.Message, StringComparison.Ordinal);
        Assert.Contains("docs/api.md#api-keys", warning.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_store_that_cannot_be_read_still_lets_it_start_and_says_only_configuration_was_checked()
    {
        await using var app = await IngestionApp.StartAsync(
            services => services.Replace(ServiceDescriptor.Singleton<IDocumentStore, Links.ClickRedirectTests.UnreachableDocumentStore>()),
            configuredKey: false);

        await ReportedAsync(app);

        var warning = Assert.Single(Reports(app));
        Assert.Equal((NoConfiguredApiKeys, LogLevel.Warning), (warning.Id.Id, warning.Level));
        Assert.Contains("could not be read (the document store is unreachable)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("api-key new --client NAME", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_key_says_nothing()
    {
        await using var app = await IngestionApp.StartAsync();

        await ReportedAsync(app);

        Assert.Empty(Reports(app));
    }

    [Fact]
    public async Task A_key_created_through_the_admin_API_says_nothing_until_it_is_revoked()
    {
        // A second replica on the first one's store, with no key in its own configuration: the key the first one made
        // lets callers in, and once revoked nothing does.
        await using var first = await IngestionApp.StartAsync();
        using var created = await ApiKeyAuthenticationTests.ClientWithScopesAsync(first, ApiScopes.Events);
        await using (var replica = await IngestionApp.StartAsync(replicaOf: first, configuredKey: false))
        {
            await ReportedAsync(replica);
            Assert.Empty(Reports(replica));
        }

        var keyId = ApiKeys.IdOf(ApiKeys.Hash(created.DefaultRequestHeaders.Authorization!.Parameter!));
        using var revoked = await first.Client.DeleteAsync($"/v1/admin/api-keys/{keyId}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await using var afterRevoking = await IngestionApp.StartAsync(replicaOf: first, configuredKey: false);
        await ReportedAsync(afterRevoking);

        Assert.Equal(NoApiKeys, Assert.Single(Reports(afterRevoking)).Id.Id);
    }

    private static IReadOnlyList<FakeLogRecord> Reports(IngestionApp app) =>
        [.. app.Logs.GetSnapshot().Where(record => record.Category == typeof(ApiKeyConfigurationReport).FullName)];

    // The check runs in the background, so a slow store does not hold up the start: wait for it to end.
    private static async Task ReportedAsync(IngestionApp app) =>
        await app.Services.GetServices<IHostedService>().OfType<ApiKeyConfigurationReport>().Single().ExecuteTask!
            .WaitAsync(TestContext.Current.CancellationToken);
}
