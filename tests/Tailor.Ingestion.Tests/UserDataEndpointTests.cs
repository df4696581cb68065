using System.Net;
using Tailor.Contracts;
using Tailor.Ingestion.Reports;
using Tailor.Ingestion.Tests.Reports;
using Tailor.Ingestion.Tests.Webhooks;
using Tailor.Storage;

namespace Tailor.Ingestion.Tests;

/// <summary>Erasure removes the user from Ingestion and the profile cache and tells every service; export shows what is held.</summary>
public sealed class UserDataEndpointTests
{
    [Fact]
    public async Task Export_returns_contact_profile_and_events()
    {
        await using var app = await IngestionApp.StartAsync();
        await SeedAsync(app);

        var export = await IngestionApp.ReadJsonAsync(await app.Client.GetAsync("/v1/users/12583/export", TestContext.Current.CancellationToken));

        Assert.Equal("ada@example.com", export.GetProperty("contact").GetProperty("email").GetString());
        Assert.False(export.GetProperty("suppressed").GetBoolean());
        Assert.True(export.GetProperty("profile").GetProperty("contact").GetProperty("emailConsent").GetBoolean());
        Assert.Equal(
            ["UserActivityTracked", "UserIdentified"],
            export.GetProperty("events").EnumerateArray().Select(item => item.GetProperty("type").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Delete_erases_ingestions_data_and_publishes_user_erased()
    {
        await using var app = await IngestionApp.StartAsync();
        await SeedAsync(app);
        await app.PostRawAsync("/v1/track", """{"anonymousId":"device-7","event":"Cart Viewed"}""");
        await app.PostRawAsync("/v1/alias", """{"previousId":"device-7","userId":"12583"}""");
        await SentEmails.SendAsync(app);
        await OrdersPlaced.OrderAsync(app, "12583", "o-1", IngestionApp.Now, "GBP", new OrdersPlaced.Line(SentEmails.ShownItem, 2.55m, 1));
        Assert.NotEmpty(await app.Events.ReadAsync(new EventQuery(CampaignOrders.Stream(SentEmails.CampaignId)), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        using var erased = await app.Client.DeleteAsync("/v1/users/12583", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        Assert.Equal("12583", Assert.Single(app.Published<UserErased>()).UserId);
        Assert.Null(await app.Profiles.ReadAsync("12583", TestContext.Current.CancellationToken));
        Assert.Empty(await app.Events.ReadAsync(new EventQuery("ingestion") { UserId = "12583" }, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await app.Events.ReadAsync(new EventQuery("ingestion.anonymous") { UserId = "device-7" }, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await app.Documents.ListAsync("ingestion.emails", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await app.Documents.ListAsync("ingestion.identity-links", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await app.Documents.ListAsync(ConversionLedgers.Collection, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await app.Events.ReadAsync(new EventQuery(CampaignOrders.Stream(SentEmails.CampaignId)), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        using var export = await app.Client.GetAsync("/v1/users/12583/export", TestContext.Current.CancellationToken);
        await Problems.TitleAsync(export, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_shows_the_users_groups_with_their_traits()
    {
        await using var app = await IngestionApp.StartAsync();
        await SeedAsync(app);
        (await app.PostRawAsync("/v1/group", """{"userId":"12583","groupId":"acme","traits":{"name":"Acme","plan":"gold"}}""")).EnsureSuccessStatusCode();
        (await app.PostRawAsync("/v1/group", """{"userId":"12583","groupId":"globex"}""")).EnsureSuccessStatusCode();

        var export = await IngestionApp.ReadJsonAsync(await app.Client.GetAsync("/v1/users/12583/export", TestContext.Current.CancellationToken));

        var groups = export.GetProperty("contact").GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["acme", "globex"], groups.Select(group => group.GetProperty("groupId").GetString()));
        Assert.Equal("gold", groups[0].GetProperty("traits").GetProperty("plan").GetString());
        Assert.Equal(
            ["acme", "globex"],
            export.GetProperty("profile").GetProperty("contact").GetProperty("groupIds").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal(2, export.GetProperty("events").EnumerateArray().Count(item => item.GetProperty("type").GetString() == "UserGrouped"));
    }

    [Fact]
    public async Task Erasure_forgets_the_users_groups_so_a_returning_user_belongs_to_none()
    {
        await using var app = await IngestionApp.StartAsync();
        await SeedAsync(app);
        (await app.PostRawAsync("/v1/group", """{"userId":"12583","groupId":"acme","traits":{"name":"Acme"}}""")).EnsureSuccessStatusCode();
        // Erasure after the published call is consumed: one still in flight would be applied again afterwards.
        Assert.True(await app.ConsumedAsync<UserGrouped>());

        (await app.Client.DeleteAsync("/v1/users/12583", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        Assert.Null(await app.Documents.FindAsync<Contacts.ContactRecord>(Accepting.IngestionStorage.ContactsCollection, "12583", TestContext.Current.CancellationToken));
        Assert.Empty(await app.Events.ReadAsync(new EventQuery("ingestion") { UserId = "12583" }, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        (await app.PostRawAsync("/v1/identify", """{"userId":"12583","traits":{"email":"ada@example.com"}}""")).EnsureSuccessStatusCode();
        Assert.Null((await app.Profiles.ReadAsync("12583", TestContext.Current.CancellationToken))!.Contact!.GroupIds);
    }

    [Fact]
    public async Task Erasure_and_export_need_the_admin_scope()
    {
        await using var app = await IngestionApp.StartAsync();
        using var events = await ApiKeyAuthenticationTests.ClientWithScopesAsync(app, Security.ApiScopes.Events);

        using var erase = await events.DeleteAsync("/v1/users/12583", TestContext.Current.CancellationToken);
        using var export = await events.GetAsync("/v1/users/12583/export", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, erase.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
    }

    private static async Task SeedAsync(IngestionApp app)
    {
        (await app.PostRawAsync("/v1/identify", """{"userId":"12583","traits":{"email":"ada@example.com","email_consent":true}}""")).EnsureSuccessStatusCode();
        (await app.PostRawAsync("/v1/track", """{"userId":"12583","event":"Cart Viewed"}""")).EnsureSuccessStatusCode();
    }
}
