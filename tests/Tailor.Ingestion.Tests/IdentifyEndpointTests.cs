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
