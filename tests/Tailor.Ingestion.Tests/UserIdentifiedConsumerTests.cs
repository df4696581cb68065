using MassTransit;
using MassTransit.Testing;
using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.Ingestion.Tests;

/// <summary>An identify published straight onto the bus (Tailor.Contracts package) updates contacts like an HTTP one, once.</summary>
public sealed class UserIdentifiedConsumerTests
{
    [Fact]
    public async Task Consume_user_identified_from_the_bus_sets_contact_and_consent_once()
    {
        await using var app = await IngestionApp.StartAsync();
        var identified = new UserIdentified(
            Guid.NewGuid(), "12583", IngestionApp.Now, "ada@example.com", "Ada", "United Kingdom", "Europe/London", true, new Dictionary<string, string>());

        await app.Harness.Bus.Publish(identified, TestContext.Current.CancellationToken);
        Assert.True(await app.ConsumedAsync<UserIdentified>());
        await app.Harness.Bus.Publish(identified, TestContext.Current.CancellationToken);
        await Polling.WithinAsync(() => app.Harness.Consumed.Select<UserIdentified>(TestContext.Current.CancellationToken).Count() >= 2);
        var contact = (await app.Profiles.ReadAsync("12583", TestContext.Current.CancellationToken))!.Contact!;
        Assert.Equal(2, app.Harness.Consumed.Select<UserIdentified>(TestContext.Current.CancellationToken).Count());
        Assert.Equal(("ada@example.com", "Ada", true), (contact.Email, contact.FirstName, contact.EmailConsent));
        Assert.Single(await app.RecordedAsync<UserIdentified>());
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task Consume_identify_from_the_bus_with_a_malformed_email_is_refused_and_leaves_the_contact_as_it_was()
    {
        await using var app = await IngestionApp.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var identified = await IdentifyAdaAsync(app);
        var malformed = identified with { EventId = Guid.NewGuid(), OccurredAt = IngestionApp.Now.AddMinutes(1), Email = "ada at example.com", FirstName = "<b>Ada</b>" };

        await app.Harness.Bus.Publish(malformed, ct);

        Assert.True(await app.Harness.Published.Any<Fault<UserIdentified>>(fault => fault.Context.Message.Message.EventId == malformed.EventId, ct));
        var fault = app.Harness.Published.Select<Fault<UserIdentified>>(ct).Single().Context.Message;
        Assert.Contains("Email: Must be an email address.", fault.Exceptions[0].Message, StringComparison.Ordinal);
        Assert.Contains("FirstName: Must be plain text", fault.Exceptions[0].Message, StringComparison.Ordinal);
        var contact = (await app.Profiles.ReadAsync("12583", ct))!.Contact!;
        Assert.Equal(("ada@example.com", "Ada"), (contact.Email, contact.FirstName));
    }

    [Fact]
    public async Task Consume_identify_from_the_bus_that_withdraws_consent_is_taken_whatever_its_contact_details_and_time()
    {
        await using var app = await IngestionApp.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var identified = await IdentifyAdaAsync(app);

        // Dated 9999 too: read as arriving now, so a later consent can still win.
        var withdrawn = identified with
        {
            EventId = Guid.NewGuid(),
            OccurredAt = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero),
            Email = "not an address",
            FirstName = "<b>Mallory</b>",
            EmailConsent = false,
        };
        await app.Harness.Bus.Publish(withdrawn, ct);
        Assert.True(await Polling.WithinAsync(async () => (await app.Profiles.ReadAsync("12583", ct))?.Contact?.EmailConsent == false));
        // Consent given again with no contact details: the ones Ada gave before are still hers, not the withdrawal's.
        await app.Harness.Bus.Publish(identified with { EventId = Guid.NewGuid(), OccurredAt = IngestionApp.Now.AddMinutes(5), Email = null, FirstName = null }, ct);

        Assert.True(await Polling.WithinAsync(async () => (await app.Profiles.ReadAsync("12583", ct))?.Contact?.EmailConsent == true));
        var contact = (await app.Profiles.ReadAsync("12583", ct))!.Contact!;
        Assert.Equal(("ada@example.com", "Ada"), (contact.Email, contact.FirstName));
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    /// <summary>Ada, identified from the bus with her consent, as every later message here finds her.</summary>
    private static async Task<UserIdentified> IdentifyAdaAsync(IngestionApp app)
    {
        var identified = new UserIdentified(
            Guid.NewGuid(), "12583", IngestionApp.Now, "ada@example.com", "Ada", "United Kingdom", "Europe/London", true, new Dictionary<string, string>());
        await app.Harness.Bus.Publish(identified, TestContext.Current.CancellationToken);
        Assert.True(await app.ConsumedAsync<UserIdentified>());
        return identified;
    }
}
