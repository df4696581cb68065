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
}
