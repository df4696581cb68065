using System.Net;
using Tailor.Contracts;
using Tailor.Profiles;

namespace Tailor.Ingestion.Tests;

public sealed class IdentifyEndpointTests
{
    [Fact]
    public async Task Identify_is_published_with_known_traits_and_writes_the_contact_slice()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/identify", new
        {
            userId = "17850",
            messageId = "identify-17850",
            timestamp = "2010-12-01T08:00:00Z",
            traits = new
            {
                email = "customer-17850@example.com",
                first_name = "Ada",
                address = new { country = "United Kingdom", city = "London" },
                email_consent = true,
                plan = "gold",
            },
            context = new { timezone = "Europe/London" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var identified = Assert.Single(app.Published<UserIdentified>());
        Assert.Equal("17850", identified.UserId);
        Assert.Equal("customer-17850@example.com", identified.Email);
        Assert.Equal("Ada", identified.FirstName);
        Assert.Equal("United Kingdom", identified.Country);
        Assert.Equal("Europe/London", identified.TimeZone);
        Assert.True(identified.EmailConsent);
        Assert.Equal("London", identified.Traits["address.city"]);
        Assert.Equal("gold", identified.Traits["plan"]);
        Assert.Single(await app.RecordedAsync<UserIdentified>());

        var contact = (await app.Profiles.ReadAsync("17850", TestContext.Current.CancellationToken))?.Contact;
        Assert.Equal(
            new ContactSlice("customer-17850@example.com", "Ada", "United Kingdom", "Europe/London", true, identified.OccurredAt),
            contact);
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task Identify_unsubscribed_trait_withdraws_consent_even_with_a_consent_flag()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/identify", new
        {
            userId = "13047",
            traits = new { email = "customer-13047@example.com", firstName = "Grace", country = "France", email_consent = true, unsubscribed = true },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var identified = Assert.Single(app.Published<UserIdentified>());
        Assert.False(identified.EmailConsent);
        Assert.Equal("Grace", identified.FirstName);
        Assert.Equal("France", identified.Country);
        Assert.False((await app.Profiles.ReadAsync("13047", TestContext.Current.CancellationToken))!.Contact!.EmailConsent);
    }

    [Fact]
    public async Task Identify_that_withdraws_consent_is_taken_without_the_contact_details_that_break_the_rules()
    {
        await using var app = await IngestionApp.StartAsync();
        using var consenting = await app.PostAsync("/v1/identify", new
        {
            userId = "13047",
            timestamp = "2010-12-01T08:00:00Z",
            traits = new { email = "customer-13047@example.com", firstName = "Grace", email_consent = true },
        });
        var traits = Enumerable.Range(0, 301).ToDictionary(index => $"trait{index}", index => (object)index);
        traits["email"] = "grace at example.com";
        traits["firstName"] = "<b>Grace</b>";
        traits["country"] = "France";
        traits["unsubscribed"] = true;

        // A stop is not refused for what stands beside it: a platform that forwards it once would lose it on a 400.
        using var response = await app.PostAsync("/v1/identify", new { userId = "13047", timestamp = "2010-12-02T08:00:00Z", traits });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var withdrawal = app.Published<UserIdentified>()[1];
        Assert.Equal((false, (string?)null, (string?)null, "France", 0), (withdrawal.EmailConsent, withdrawal.Email, withdrawal.FirstName, withdrawal.Country, withdrawal.Traits.Count));
        var contact = (await app.Profiles.ReadAsync("13047", TestContext.Current.CancellationToken))!.Contact!;
        Assert.Equal((false, "customer-13047@example.com", "Grace", "France"), (contact.EmailConsent, contact.Email, contact.FirstName, contact.Country));
        var warning = Assert.Single(app.Logs.GetSnapshot(), record => record.Id.Id == 1701);
        Assert.Contains("traits.email: Must be an email address.", warning.Message, StringComparison.Ordinal);
        Assert.Contains("traits.firstName: Must be plain text", warning.Message, StringComparison.Ordinal);
        Assert.Contains("traits: Holds 305 fields", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identify_that_gives_consent_with_a_malformed_email_is_refused()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/identify", new { userId = "13047", traits = new { email = "grace at example.com", email_consent = true } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Must be an email address.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(app.Published<UserIdentified>());
    }

    [Fact]
    public async Task Identify_without_consent_keeps_the_known_consent_and_updates_other_traits()
    {
        await using var app = await IngestionApp.StartAsync();

        using var consenting = await app.PostAsync("/v1/identify", new
        {
            userId = "12583",
            timestamp = "2010-12-01T08:00:00Z",
            traits = new { email = "old-12583@example.com", country = "France", email_consent = true },
        });
        using var silent = await app.PostAsync("/v1/identify", new
        {
            userId = "12583",
            timestamp = "2010-12-02T08:00:00Z",
            traits = new { email = "new-12583@example.com" },
        });

        Assert.Equal(HttpStatusCode.OK, silent.StatusCode);
        Assert.Null(app.Published<UserIdentified>()[1].EmailConsent);
        var contact = (await app.Profiles.ReadAsync("12583", TestContext.Current.CancellationToken))!.Contact!;
        Assert.True(contact.EmailConsent);
        Assert.Equal("new-12583@example.com", contact.Email);
        Assert.Equal("France", contact.Country);
    }

    [Fact]
    public async Task Identify_older_than_the_known_consent_does_not_undo_it()
    {
        await using var app = await IngestionApp.StartAsync();

        using var unsubscribed = await app.PostAsync("/v1/identify", new
        {
            userId = "12583",
            timestamp = "2010-12-05T08:00:00Z",
            traits = new { email = "customer-12583@example.com", unsubscribed = true },
        });
        using var lateOldConsent = await app.PostAsync("/v1/identify", new
        {
            userId = "12583",
            timestamp = "2010-12-01T08:00:00Z",
            traits = new { email = "stale-12583@example.com", first_name = "Alan", email_consent = true },
        });

        Assert.Equal(HttpStatusCode.OK, lateOldConsent.StatusCode);
        var contact = (await app.Profiles.ReadAsync("12583", TestContext.Current.CancellationToken))!.Contact!;
        Assert.False(contact.EmailConsent);
        Assert.Equal("customer-12583@example.com", contact.Email);
        Assert.Equal("Alan", contact.FirstName); // an older call still fills a trait nobody had sent
    }

    [Fact]
    public async Task Identify_without_any_consent_information_means_no_consent()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/identify", new { userId = "14688", traits = new { email = "customer-14688@example.com" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Assert.Single(app.Published<UserIdentified>()).EmailConsent);
        Assert.False((await app.Profiles.ReadAsync("14688", TestContext.Current.CancellationToken))!.Contact!.EmailConsent);
    }
}
