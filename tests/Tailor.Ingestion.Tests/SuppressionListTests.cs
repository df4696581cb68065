using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Ingestion.Tests;

/// <summary>Unsubscribes, complaints and hard bounces suppress the address for every user id holding it, keeping the provider's report; a newer resubscribe lifts it.</summary>
public sealed class SuppressionListTests
{
    private static readonly DateTimeOffset Reported = new(2024, 3, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(EngagementKind.Unsubscribe)]
    [InlineData(EngagementKind.Complaint)]
    [InlineData(EngagementKind.HardBounce)]
    public async Task Report_suppresses_every_user_with_the_address(EngagementKind kind)
    {
        await using var app = await IngestionApp.StartAsync();
        await IdentifyAsync(app, "12583", "Ada@Example.com");
        await IdentifyAsync(app, "crm-77", "ada@example.com ");

        await EngageAsync(app, "12583", kind, Reported);

        Assert.True(await SuppressedAsync(app, "12583"));
        Assert.True(await SuppressedAsync(app, "crm-77"));
    }

    [Fact]
    public async Task A_newer_resubscribe_lifts_it_and_an_older_one_does_not()
    {
        await using var app = await IngestionApp.StartAsync();
        await IdentifyAsync(app, "12583", "ada@example.com");
        await EngageAsync(app, "12583", EngagementKind.Unsubscribe, Reported);

        await EngageAsync(app, "12583", EngagementKind.Resubscribe, Reported.AddHours(-1));
        Assert.True(await SuppressedAsync(app, "12583"));

        await EngageAsync(app, "12583", EngagementKind.Resubscribe, Reported.AddHours(1));
        Assert.False(await SuppressedAsync(app, "12583"));
    }

    [Fact]
    public async Task Moving_to_a_suppressed_address_suppresses_and_the_list_keeps_no_address()
    {
        await using var app = await IngestionApp.StartAsync();
        await IdentifyAsync(app, "12583", "ada@example.com");
        await EngageAsync(app, "12583", EngagementKind.Complaint, Reported);
        await IdentifyAsync(app, "16098", "grace@example.com");
        Assert.False(await SuppressedAsync(app, "16098"));

        await IdentifyAsync(app, "16098", "ada@example.com");

        Assert.True(await SuppressedAsync(app, "16098"));
        var listed = await app.Documents.ListAsync(Contacts.SuppressionList.Collection, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(listed, entry => entry.Key.Contains("example", StringComparison.Ordinal) || entry.Value.Contains("example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_providers_report_is_kept_with_the_suppression_and_a_newer_report_replaces_it()
    {
        await using var app = await IngestionApp.StartAsync();
        await IdentifyAsync(app, "12583", "ada@example.com");

        await EngageAsync(app, "12583", EngagementKind.Unsubscribe, Reported, "postmark:bounce:Unsubscribe");
        var first = await FindAsync(app, "ada@example.com");
        await EngageAsync(app, "12583", EngagementKind.HardBounce, Reported.AddHours(-1), "sendgrid:dropped:Bounced Address");
        var afterOlder = await FindAsync(app, "ada@example.com");
        await EngageAsync(app, "12583", EngagementKind.HardBounce, Reported.AddHours(1), "sendgrid:dropped:Bounced Address");

        Assert.Equal(new Contacts.Suppression(EngagementKind.Unsubscribe, Reported, false, "postmark:bounce:Unsubscribe"), first);
        Assert.Equal(first, afterOlder);
        Assert.Equal(
            new Contacts.Suppression(EngagementKind.HardBounce, Reported.AddHours(1), false, "sendgrid:dropped:Bounced Address"),
            await FindAsync(app, "ada@example.com"));
    }

    [Fact]
    public async Task Holders_kept_in_the_list_of_an_earlier_version_are_still_suppressed_and_the_list_goes_with_its_last_holder()
    {
        await using var app = await IngestionApp.StartAsync();
        await IdentifyAsync(app, "12583", "ada@example.com");

        // crm-77 as a version that kept one list of holders per address left it: filed only in that list.
        var token = TestContext.Current.CancellationToken;
        var legacyKey = Contacts.AddressKeys.Of("ada@example.com");
        await app.Documents.PutAsync(
            Accepting.IngestionStorage.ContactsCollection, "crm-77", Contacts.ContactRecord.Empty with { Email = "ada@example.com", EmailConsent = true }, token);
        await app.Documents.PutAsync(Contacts.AddressHolders.ListsCollection, legacyKey, new[] { "crm-77" }, token);

        await EngageAsync(app, "12583", EngagementKind.Complaint, Reported);
        Assert.True(await SuppressedAsync(app, "crm-77"));

        using var erased = await app.Client.DeleteAsync("/v1/users/crm-77", token);
        erased.EnsureSuccessStatusCode();
        Assert.Null(await app.Documents.GetAsync(Contacts.AddressHolders.ListsCollection, legacyKey, token));
        Assert.Equal(["12583"], await app.Services.GetRequiredService<Contacts.AddressHolders>().OfAsync("ada@example.com", token));
    }

    private static Task<Contacts.Suppression?> FindAsync(IngestionApp app, string address) =>
        app.Services.GetRequiredService<Contacts.SuppressionList>().FindAsync(address, TestContext.Current.CancellationToken);

    private static async Task IdentifyAsync(IngestionApp app, string userId, string email)
    {
        using var response = await app.PostAsync("/v1/identify", new { userId, traits = new { email = email.Trim(), email_consent = true } });
        response.EnsureSuccessStatusCode();
    }

    private static async Task EngageAsync(IngestionApp app, string userId, EngagementKind kind, DateTimeOffset at, string? source = null)
    {
        var engaged = new EmailEngaged(Guid.NewGuid(), userId, at, Guid.NewGuid(), "december-picks", kind, null, null, false, source);
        await app.Harness.Bus.Publish(engaged, TestContext.Current.CancellationToken);
        Assert.True(await app.ConsumedAsync<EmailEngaged>(message => message.EventId == engaged.EventId));
    }

    private static async Task<bool> SuppressedAsync(IngestionApp app, string userId) =>
        (await app.Profiles.ReadAsync(userId, TestContext.Current.CancellationToken))!.Contact!.Suppressed;
}
