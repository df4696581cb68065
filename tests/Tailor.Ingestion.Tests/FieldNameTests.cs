using System.Net;
using System.Text.Json;
using MassTransit.Serialization;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests;

/// <summary>
/// Every service reads a message's properties and traits with names compared ignoring case, and cannot read a message
/// at all when two names differ only in case or one is empty. A call whose fields would make such a message is a 400
/// naming the field (in a batch, a rejected call beside the accepted ones), where it used to be accepted and then
/// fault in every consumer; a field Ingestion adds itself (a track's <c>event</c>, a page's <c>name</c>, a product's
/// fields over its order's) replaces the sender's of that name in any case.
/// </summary>
public sealed class FieldNameTests
{
    [Theory]
    [InlineData("/v1/track", """{"userId":"a","event":"x","properties":{"Color":"red","color":"blue"}}""", "properties.color", "apart from case")]
    [InlineData("/v1/identify", """{"userId":"a","traits":{"Email":"a@example.com","email":"a@example.com"}}""", "traits.email", "apart from case")]
    [InlineData("/v1/group", """{"userId":"a","groupId":"acme","traits":{"Plan":"basic","plan":"gold"}}""", "traits.plan", "apart from case")]
    [InlineData("/v1/page", """{"userId":"a","properties":{"Title":"Home","title":"Start"}}""", "properties.title", "apart from case")]
    [InlineData("/v1/track", """{"userId":"a","event":"x","properties":{"a.b":"1","a":{"B":"2"}}}""", "properties.a.B", "apart from case")]
    [InlineData("/v1/track", """{"userId":"a","event":"x","properties":{"a.b":"1","a":{"b":"2"}}}""", "properties.a.b", "once nested fields are flattened")]
    [InlineData("/v1/track", """{"userId":"a","event":"Order Completed","properties":{"products":[{"product_id":"1","Price":1,"price":2}]}}""", "properties.products[0].price", "apart from case")]
    [InlineData("/v1/track", """{"userId":"a","event":"x","properties":{"":"1"}}""", "properties", "empty name")]
    [InlineData("/v1/identify", """{"userId":"a","traits":{"address":{"":"Austin"}}}""", "traits.address", "empty name")]
    [InlineData("/v1/track", """{"userId":"a","event":"x","properties":{"a\u0000b":"1"}}""", "properties", "control characters")]
    public async Task A_field_name_no_service_could_read_is_a_400_naming_it_and_nothing_is_kept(string path, string body, string field, string why)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync(path, body);

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Equal([field], errors.Keys);
        Assert.Contains(why, Assert.Single(errors[field]), StringComparison.Ordinal);
        Assert.Equal(0, await app.Events.CountAsync("ingestion", TestContext.Current.CancellationToken));
        Assert.Empty(app.Harness.Published.Select(_ => true, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task In_a_batch_a_call_with_clashing_names_is_rejected_alone()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/batch", """
            {"batch":[
              {"type":"track","userId":"a","event":"Cart Viewed","properties":{"cart":"1"}},
              {"type":"identify","userId":"b","traits":{"Plan":"basic","plan":"gold"}},
              {"type":"identify","userId":"c","traits":{"plan":"gold"}}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(answer.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejected.GetProperty("index").GetInt32());
        Assert.Equal(["batch[1].traits.plan"], rejected.GetProperty("errors").EnumerateObject().Select(error => error.Name));
        Assert.Equal(["c"], app.Published<UserIdentified>().Select(identified => identified.UserId));
        Assert.True(await app.ConsumedAsync<UserIdentified>(identified => identified.UserId == "c"));
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task A_withdrawal_with_clashing_traits_withdraws_consent_and_leaves_the_traits_out()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync(
            "/v1/identify", """{"userId":"13047","traits":{"email_consent":false,"Plan":"basic","plan":"gold"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var withdrawal = Assert.Single(app.Published<UserIdentified>());
        Assert.Equal((false, 0), (withdrawal.EmailConsent, withdrawal.Traits.Count));
        Assert.True(await app.ConsumedAsync<UserIdentified>(identified => identified.EventId == withdrawal.EventId));
        Assert.False((await app.ContactAsync("13047")).EmailConsent);
        var warning = Assert.Single(app.Logs.GetSnapshot(), record => record.Id.Id == 1701);
        Assert.Contains("traits.plan: Has the name of the field 'Plan' apart from case", warning.Message, StringComparison.Ordinal);
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task A_property_named_event_in_another_case_gives_way_to_the_event_name()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/track", """{"userId":"a","event":"Signed Up","properties":{"Event":"web","plan":"gold"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activity = ReadAsConsumers(Assert.Single(app.Published<UserActivityTracked>()));
        Assert.Equal(new Dictionary<string, string> { ["event"] = "Signed Up", ["plan"] = "gold" }, activity.Properties);
    }

    [Fact]
    public async Task A_product_field_wins_over_the_order_field_of_that_name_in_any_case()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/track", """
            {"userId":"a","event":"Order Completed","properties":{"order_id":"o1","Currency":"GBP",
             "products":[{"product_id":"85123A","price":2.55,"currency":"EUR"}]}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var purchase = ReadAsConsumers(Assert.Single(app.Published<UserActivityTracked>()));
        Assert.Equal("EUR", purchase.Properties["currency"]);
        Assert.Single(purchase.Properties.Keys, key => key.Equals("currency", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("o1", purchase.Properties["order_id"]);
    }

    [Fact]
    public async Task A_page_property_named_like_the_page_name_in_another_case_gives_way_to_it()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/page", """{"userId":"a","name":"Home","category":"Shop","properties":{"Name":"x","CATEGORY":"y"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = ReadAsConsumers(Assert.Single(app.Published<UserActivityTracked>()));
        Assert.Equal(new Dictionary<string, string> { ["name"] = "Home", ["category"] = "Shop" }, page.Properties);
    }

    [Fact]
    public async Task A_later_group_call_updates_a_trait_sent_before_in_another_case()
    {
        await using var app = await IngestionApp.StartAsync();

        foreach (var body in new[]
        {
            """{"userId":"13047","groupId":"acme","timestamp":"2024-03-01T00:00:00Z","traits":{"Plan":"basic","name":"Acme"}}""",
            """{"userId":"13047","groupId":"acme","timestamp":"2024-03-03T00:00:00Z","traits":{"plan":"gold"}}""",
        })
        {
            using var response = await app.PostRawAsync("/v1/group", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var published = app.Published<UserGrouped>();
        Assert.True(await app.ConsumedAsync<UserGrouped>(grouped => grouped.EventId == published[1].EventId));
        var membership = Assert.Single((await app.ContactAsync("13047")).Groups!);
        Assert.Equal(new Dictionary<string, string> { ["plan"] = "gold", ["name"] = "Acme" }, membership.Traits);
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    // The message as a consumer of another service gets it: through MassTransit's serializer, which reads every map
    // with names compared ignoring case and refuses two that differ only in case.
    private static T ReadAsConsumers<T>(T message)
        where T : class =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(message, SystemTextJsonMessageSerializer.Options), SystemTextJsonMessageSerializer.Options)!;
}
