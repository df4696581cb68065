using System.Net;
using MassTransit;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests;

/// <summary>Segment <c>group</c>: the user's memberships, with each group's traits, kept with the user and in the contact slice.</summary>
public sealed class GroupEndpointTests
{
    [Fact]
    public async Task Group_is_published_stored_and_kept_with_the_user_beside_their_contact_details()
    {
        await using var app = await IngestionApp.StartAsync();
        (await app.PostRawAsync("/v1/identify", """{"userId":"17850","traits":{"email":"ada@example.com","email_consent":true}}""")).EnsureSuccessStatusCode();

        // Segment's own example of a group call, with a nested trait.
        using var response = await app.PostRawAsync("/v1/group", """
            {"type":"group","userId":"17850","groupId":"0e8c78ea9d97a7b8185e8632","messageId":"group-17850",
             "timestamp":"2024-03-05T09:00:00Z","context":{"ip":"8.8.8.8"},
             "traits":{"name":"Initech","industry":"Technology","employees":329,"plan":"enterprise","address":{"city":"Austin"}}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await IngestionApp.ReadJsonAsync(response)).GetProperty("accepted").GetInt32());
        var grouped = Assert.Single(app.Published<UserGrouped>());
        Assert.Equal(("17850", "0e8c78ea9d97a7b8185e8632"), (grouped.UserId, grouped.GroupId));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 0, 0, TimeSpan.Zero), grouped.OccurredAt);
        Assert.Equal(
            new Dictionary<string, string> { ["name"] = "Initech", ["industry"] = "Technology", ["employees"] = "329", ["plan"] = "enterprise", ["address.city"] = "Austin" },
            grouped.Traits);
        Assert.Equal(grouped.EventId, Assert.Single(await app.RecordedAsync<UserGrouped>()).EventId);

        var contact = (await app.Profiles.ReadAsync("17850", TestContext.Current.CancellationToken))!.Contact!;
        Assert.Equal(["0e8c78ea9d97a7b8185e8632"], contact.GroupIds!);
        Assert.Equal(("ada@example.com", true), (contact.Email, contact.EmailConsent));
        var membership = Assert.Single((await app.ContactAsync("17850")).Groups!);
        Assert.Equal("Initech", membership.Traits["name"]);
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task User_in_several_groups_keeps_each_and_a_later_call_for_one_updates_its_traits_field_by_field()
    {
        await using var app = await IngestionApp.StartAsync();

        await PostOkAsync(app, """{"userId":"13047","groupId":"acme","timestamp":"2024-03-01T00:00:00Z","traits":{"name":"Acme","plan":"basic"}}""");
        await PostOkAsync(app, """{"userId":"13047","groupId":"globex","timestamp":"2024-03-02T00:00:00Z","traits":{"name":"Globex"}}""");
        await PostOkAsync(app, """{"userId":"13047","groupId":"acme","timestamp":"2024-03-03T00:00:00Z","traits":{"plan":"gold","employees":12}}""");
        // Late and older: fills a field nobody had sent, overrides none.
        await PostOkAsync(app, """{"userId":"13047","groupId":"acme","timestamp":"2024-02-01T00:00:00Z","traits":{"plan":"trial","industry":"Anvils"}}""");

        var groups = (await app.ContactAsync("13047")).Groups!;
        Assert.Equal(["acme", "globex"], groups.Select(group => group.GroupId));
        Assert.Equal(
            new Dictionary<string, string> { ["name"] = "Acme", ["plan"] = "gold", ["employees"] = "12", ["industry"] = "Anvils" },
            groups[0].Traits);
        Assert.Equal(new DateTimeOffset(2024, 3, 3, 0, 0, 0, TimeSpan.Zero), groups[0].At);
        Assert.Equal(["acme", "globex"], (await app.Profiles.ReadAsync("13047", TestContext.Current.CancellationToken))!.Contact!.GroupIds!);
        Assert.Equal(4, app.Published<UserGrouped>().Count);
    }

    [Fact]
    public async Task Group_retried_with_the_same_message_id_has_one_effect()
    {
        await using var app = await IngestionApp.StartAsync();
        const string call = """{"userId":"12583","groupId":"acme","messageId":"m-group-1","traits":{"name":"Acme"}}""";

        await PostOkAsync(app, call);
        await PostOkAsync(app, call);
        using var batch = await app.PostRawAsync("/v1/batch", $$"""{"batch":[{{call.Insert(1, "\"type\":\"group\",")}}]}""");

        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Single(app.Published<UserGrouped>());
        Assert.Single(await app.RecordedAsync<UserGrouped>());
        Assert.Single((await app.ContactAsync("12583")).Groups!);
    }

    [Fact]
    public async Task Group_published_onto_the_bus_reaches_the_contact_book_like_an_http_call()
    {
        await using var app = await IngestionApp.StartAsync();
        var grouped = new UserGrouped(Guid.NewGuid(), "14688", IngestionApp.Now, "acme", new Dictionary<string, string> { ["name"] = "Acme" });

        await app.Harness.Bus.Publish(grouped, TestContext.Current.CancellationToken);

        Assert.True(await app.ConsumedAsync<UserGrouped>(message => message.EventId == grouped.EventId));
        Assert.Equal(["acme"], (await app.Profiles.ReadAsync("14688", TestContext.Current.CancellationToken))!.Contact!.GroupIds!);
        Assert.Single(await app.RecordedAsync<UserGrouped>());
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task Group_without_a_group_id_on_the_bus_goes_to_the_error_queue()
    {
        await using var app = await IngestionApp.StartAsync();

        await app.Harness.Bus.Publish(
            new UserGrouped(Guid.NewGuid(), "14688", IngestionApp.Now, " ", new Dictionary<string, string>()), TestContext.Current.CancellationToken);

        Assert.True(await app.ConsumedAsync<UserGrouped>());
        Assert.True(await app.AnyFaultPublishedAsync());
        Assert.Null(await app.Profiles.ReadAsync("14688", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Group_id_dot_dot_on_the_bus_is_refused_and_the_group_beside_it_is_kept()
    {
        await using var app = await IngestionApp.StartAsync();
        var dotDot = new UserGrouped(Guid.NewGuid(), "14688", IngestionApp.Now, "..", new Dictionary<string, string>());
        var acme = new UserGrouped(Guid.NewGuid(), "14688", IngestionApp.Now, "acme", new Dictionary<string, string>());

        await app.Harness.Bus.Publish(dotDot, TestContext.Current.CancellationToken);
        await app.Harness.Bus.Publish(acme, TestContext.Current.CancellationToken);

        Assert.True(await app.ConsumedAsync<UserGrouped>(message => message.EventId == acme.EventId));
        Assert.True(await app.Harness.Published.Any<Fault<UserGrouped>>(
            fault => fault.Context.Message.Message.EventId == dotDot.EventId && fault.Context.Message.Exceptions[0].Message.Contains("GroupId: Must not be '.' or '..'", StringComparison.Ordinal),
            TestContext.Current.CancellationToken));
        Assert.Equal(["acme"], (await app.ContactAsync("14688")).Groups!.Select(group => group.GroupId));
        Assert.Equal([acme.EventId], (await app.RecordedAsync<UserGrouped>()).Select(message => message.EventId));
    }

    private static async Task PostOkAsync(IngestionApp app, string body)
    {
        using var response = await app.PostRawAsync("/v1/group", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
