using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Contacts;
using Tailor.Ingestion.Reports;
using Tailor.Ingestion.Tests.Links;
using Tailor.Ingestion.Tests.Webhooks;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.Ingestion.Tests.Replicas;

/// <summary>
/// Two replicas on one store take calls and messages for one user at once, with no lock between them: nothing one
/// writes is lost to the other, nothing is done twice, and the slice left is drawn from the newest record.
/// </summary>
public sealed class TwoReplicaTests
{
    private const string UserId = SentEmails.UserId;
    private const string Address = "ada@example.com";
    private const int Calls = 80;
    private static readonly DateTimeOffset Sent = new(2024, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Group_calls_for_one_user_on_two_replicas_keep_every_group()
    {
        await using var replicas = await TwoReplicas.StartAsync();
        string[] groups = [.. Enumerable.Range(0, Calls).Select(call => $"account-{call:D2}")];

        await Task.WhenAll(groups.Select((groupId, call) => PostOkAsync(
            replicas.ForCall(call),
            "/v1/group",
            new { userId = UserId, groupId, messageId = $"group-{groupId}", timestamp = At(call), traits = new { plan = "gold" } })));

        Assert.Equal(groups, (await ContactAsync(replicas.First)).Groups!.Select(group => group.GroupId).Order());
        Assert.Equal(groups, (await SliceAsync(replicas.Second)).GroupIds!.Order());
        Assert.Equal(Calls, (await replicas.First.RecordedAsync<UserGrouped>()).Count);
    }

    [Fact]
    public async Task Identifies_racing_on_two_replicas_leave_the_newest_traits_and_consent_in_the_record_and_the_slice()
    {
        await using var replicas = await TwoReplicas.StartAsync();

        // Sent in shuffled order: the newest is neither the first nor the last to arrive.
        var order = Enumerable.Range(0, Calls).ToArray();
        new Random(17).Shuffle(order);
        await Task.WhenAll(order.Select((call, turn) => PostOkAsync(
            replicas.ForCall(turn),
            "/v1/identify",
            new { userId = UserId, messageId = $"identify-{call}", timestamp = At(call), traits = new { email = Address, first_name = $"Ada {call}", email_consent = call % 2 == 0 } })));

        var contact = await ContactAsync(replicas.Second);
        var newest = Sent.AddMinutes(Calls - 1);
        Assert.Equal(($"Ada {Calls - 1}", newest, false, newest), (contact.FirstName, contact.TraitsAt, contact.EmailConsent, contact.ConsentAt));
        Assert.Equal(contact.ToSlice(suppressed: false), await SliceAsync(replicas.First));
    }

    [Fact]
    public async Task An_unsubscribe_racing_with_users_filing_under_its_address_reaches_every_holder()
    {
        await using var replicas = await TwoReplicas.StartAsync();
        await PostOkAsync(replicas.First, "/v1/identify", new { userId = UserId, traits = new { email = Address, email_consent = true } });
        var unsubscribe = new EmailEngaged(Guid.NewGuid(), UserId, IngestionApp.Now.AddHours(1), Guid.NewGuid(), SentEmails.CampaignId, EngagementKind.Unsubscribe, null, null, false);
        string[] others = [.. Enumerable.Range(0, Calls).Select(call => $"crm-{call}")];

        // The other holders come in on both replicas while the second takes the unsubscribe off the bus.
        var filing = others.Select((userId, call) => PostOkAsync(
            replicas.ForCall(call), "/v1/identify", new { userId, traits = new { email = call % 3 == 0 ? "Ada@Example.com" : Address, email_consent = true } }));
        await Task.WhenAll([.. filing, replicas.Second.Harness.Bus.Publish(unsubscribe, Cancellation)]);
        Assert.True(await replicas.Second.ConsumedAsync<EmailEngaged>(engaged => engaged.EventId == unsubscribe.EventId));

        foreach (var userId in others.Append(UserId))
        {
            Assert.True((await SliceAsync(replicas.First, userId)).Suppressed, $"{userId} is not suppressed");
        }

        var holders = await replicas.Second.Services.GetRequiredService<AddressHolders>().OfAsync(Address, Cancellation);
        Assert.Equal(others.Append(UserId).Order(), holders.Order());
    }

    [Fact]
    public async Task One_unsubscribe_taken_by_both_replicas_at_once_has_one_effect()
    {
        await using var replicas = await TwoReplicas.StartAsync();
        await PostOkAsync(replicas.First, "/v1/identify", new { userId = UserId, traits = new { email = Address, email_consent = true } });
        var emailId = await SentEmails.SendAsync(replicas.First);
        var unsubscribe = new EmailEngaged(
            Guid.NewGuid(), UserId, IngestionApp.Now.AddHours(1), emailId, SentEmails.CampaignId, EngagementKind.Unsubscribe, null, null, false, "sendgrid:unsubscribe");

        // The same message on both replicas at once, as after a redelivery to the other one.
        await Task.WhenAll(replicas.First.Harness.Bus.Publish(unsubscribe, Cancellation), replicas.Second.Harness.Bus.Publish(unsubscribe, Cancellation));
        Assert.True(await replicas.First.ConsumedAsync<EmailEngaged>());
        Assert.True(await replicas.Second.ConsumedAsync<EmailEngaged>());

        Assert.Equal(unsubscribe.EventId, Assert.Single(await replicas.First.RecordedAsync<EmailEngaged>()).EventId);
        var facts = await replicas.First.Services.GetRequiredService<CampaignEmailFacts>().ListAsync(SentEmails.CampaignId, Cancellation).ToListAsync(Cancellation);
        Assert.Equal([CampaignOutcome.Sent, CampaignOutcome.Unsubscribe], facts.Select(fact => fact.Outcome).Order());
        Assert.Single(ConsentChangeLogs(replicas.First).Concat(ConsentChangeLogs(replicas.Second)));
        var slice = await SliceAsync(replicas.Second);
        Assert.Equal((false, true), (slice.EmailConsent, slice.Suppressed));
    }

    [Fact]
    public async Task One_click_unsubscribes_of_one_email_on_two_replicas_at_once_are_one_event_at_one_time()
    {
        await using var replicas = await TwoReplicas.StartAsync(TailorLinks.Settings);
        await PostOkAsync(replicas.First, "/v1/identify", new { userId = UserId, traits = new { email = Address, email_consent = true } });
        var emailId = await SentEmails.SendAsync(replicas.First);

        // The reader's press and the mailbox provider's one-click POST, each retried, landing on both replicas.
        var presses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async press =>
        {
            using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
            using var response = await replicas.ForCall(press).AnonymousClient().PostAsync(TailorLinks.Unsubscribe(emailId), body, Cancellation);
            return response.IsSuccessStatusCode;
        }));

        Assert.All(presses, Assert.True);
        var published = replicas.Published<EmailEngaged>().Select(engaged => (engaged.EventId, engaged.OccurredAt)).Distinct();
        var (eventId, occurredAt) = Assert.Single(published);
        Assert.Equal(eventId, Assert.Single(await replicas.Second.RecordedAsync<EmailEngaged>()).EventId);
        Assert.Equal(occurredAt, (await ContactAsync(replicas.First)).ConsentAt);
    }

    [Fact]
    public async Task Anonymous_calls_racing_with_their_link_on_two_replicas_all_become_the_users_once()
    {
        await using var replicas = await TwoReplicas.StartAsync();
        var calls = new List<Task>();
        for (var call = 0; call < Calls; call++)
        {
            if (call == Calls / 2)
            {
                calls.Add(PostOkAsync(replicas.Second, "/v1/identify", new { userId = UserId, anonymousId = "device-7", traits = new { email = Address } }));
            }

            calls.Add(PostOkAsync(
                replicas.ForCall(call),
                "/v1/track",
                new { anonymousId = "device-7", @event = "Product Viewed", messageId = $"view-{call}", timestamp = At(call), properties = new { product_id = $"item-{call}" } }));
        }

        await Task.WhenAll(calls);

        var recorded = await replicas.First.RecordedAsync<UserActivityTracked>();
        Assert.Equal(Calls, recorded.Select(activity => activity.EventId).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(0, Calls).Select(call => $"item-{call}").Order(),
            recorded.Where(activity => activity.UserId == UserId).Select(activity => activity.ItemId!).Order());
        Assert.Equal(Calls, replicas.Published<UserActivityTracked>().Select(activity => activity.EventId).Distinct().Count());
    }

    private static string At(int call) => Sent.AddMinutes(call).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static async Task PostOkAsync(IngestionApp replica, string path, object body)
    {
        using var response = await replica.Client.PostAsJsonAsync(path, body, Cancellation);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<ContactRecord> ContactAsync(IngestionApp replica) =>
        (await replica.Documents.FindAsync<ContactRecord>(IngestionStorage.ContactsCollection, UserId, Cancellation))!;

    private static async Task<ContactSlice> SliceAsync(IngestionApp replica, string userId = UserId) =>
        (await replica.Profiles.ReadAsync(userId, Cancellation))!.Contact!;

    private static IEnumerable<string> ConsentChangeLogs(IngestionApp replica) =>
        replica.Logs.GetSnapshot().Where(record => record.Id.Id == 1201).Select(record => record.Message);
}
