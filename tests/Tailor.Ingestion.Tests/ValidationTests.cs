using System.Net;

namespace Tailor.Ingestion.Tests;

/// <summary>Every kind of invalid field, on every endpoint, answers a validation problem that names the field by its JSON path.</summary>
public sealed class ValidationTests
{
    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "/v1/track", """{"event":"Cart Viewed"}""", "userId" },
        { "/v1/track", """{"anonymousId":"","event":"Cart Viewed"}""", "anonymousId" },
        { "/v1/track", """{"userId":12583,"event":"Cart Viewed"}""", "userId" },
        { "/v1/track", """{"userId":"   ","event":"Cart Viewed"}""", "userId" },
        { "/v1/track", $$"""{"userId":"{{new string('u', 257)}}","event":"Cart Viewed"}""", "userId" },
        { "/v1/track", """{"userId":"12583"}""", "event" },
        { "/v1/track", """{"userId":"12583","event":"Cart Viewed","timestamp":"yesterday"}""", "timestamp" },
        { "/v1/track", """{"userId":"12583","event":"Cart Viewed","timestamp":1291190400}""", "timestamp" },
        { "/v1/track", """{"userId":"12583","event":"Cart Viewed","messageId":7}""", "messageId" },
        { "/v1/track", """{"userId":"12583","event":"Cart Viewed","messageId":" "}""", "messageId" },
        { "/v1/track", """{"userId":"12583","event":"Cart Viewed","properties":"big"}""", "properties" },
        { "/v1/track", """{"userId":"12583","event":"Cart Viewed","context":[]}""", "context" },
        { "/v1/track", """{"type":"identify","userId":"12583","event":"Cart Viewed"}""", "type" },
        { "/v1/track", """{"userId":"12583","event":"Review Submitted","properties":{"text":42}}""", "properties.text" },
        { "/v1/track", """{"userId":"12583","event":"Order Completed","properties":{"products":{}}}""", "properties.products" },
        { "/v1/track", """{"userId":"12583","event":"Order Completed","properties":{"products":[{"name":"JAM MAKING SET"}]}}""", "properties.products[0].product_id" },
        { "/v1/track", """{"userId":"12583","event":"Order Completed","properties":{"products":[{"product_id":"22960"},{"product_id":"22961","price":-1}]}}""", "properties.products[1].price" },
        { "/v1/track", """{"userId":"12583","event":"Order Completed","properties":{"products":[{"product_id":"22960","quantity":0}]}}""", "properties.products[0].quantity" },
        { "/v1/track", """{"userId":"12583","event":"Order Completed","properties":{"products":[{"product_id":"22960","price":"2.55"}]}}""", "properties.products[0].price" },
        { "/v1/track", """{"userId":"12583","event":"Order Completed","properties":{"products":["22960"]}}""", "properties.products[0]" },
        { "/v1/track", """{"userId":"12583","event":"Product Viewed","properties":{"product_id":22960}}""", "properties.product_id" },
        { "/v1/track", """{"userId":"12583","event":"Product Viewed","properties":{"product_id":".."}}""", "properties.product_id" },
        { "/v1/track", """{"userId":"12583","event":"Order Completed","properties":{"products":[{"product_id":"22960"},{"product_id":"."}]}}""", "properties.products[1].product_id" },
        { "/v1/track", """[]""", "$" },
        { "/v1/identify", """{"traits":{}}""", "userId" },
        { "/v1/identify", """{"userId":"12583","traits":{"email":"not an address"}}""", "traits.email" },
        { "/v1/identify", """{"userId":"12583","traits":{"email":"Ada <ada@example.com>"}}""", "traits.email" },
        { "/v1/identify", """{"userId":"12583","traits":{"email_consent":"yes"}}""", "traits.email_consent" },
        { "/v1/identify", """{"userId":"12583","traits":{"unsubscribed":1}}""", "traits.unsubscribed" },
        { "/v1/identify", """{"userId":"12583","traits":{"address":"London"}}""", "traits.address" },
        { "/v1/identify", """{"userId":"12583","traits":"gold"}""", "traits" },
        { "/v1/identify", """{"type":"track","userId":"12583"}""", "type" },
        { "/v1/batch", """{}""", "batch" },
        { "/v1/batch", """{"batch":[]}""", "batch" },
        { "/v1/batch", """{"batch":[42]}""", "batch[0]" },
        { "/v1/batch", """{"batch":[{"type":"track","userId":"12583"},{"type":"track","event":"Cart Viewed"}]}""", "batch[1].userId" },
        { "/v1/batch", """{"batch":[{"type":"track","userId":"12583"}],"sentAt":"later"}""", "sentAt" },
        { "/v1/track", """{"userId":"12583","event":"Cart Viewed","timestamp":"1999-12-31T23:00:00Z"}""", "timestamp" },
        { "/v1/track", """{"userId":"12583","event":"Cart Viewed","timestamp":"2024-03-07T10:00:00Z"}""", "timestamp" },
        { "/v1/track", """{"userId":"12583","event":"Cart Viewed","timestamp":"2024-03-05T09:00:00Z","sentAt":"2021-01-01T00:00:00Z"}""", "timestamp" },
        { "/v1/track", """{"userId":"1258\u00003","event":"Cart Viewed"}""", "userId" },
        { "/v1/track", """{"userId":"12583","event":"Cart Viewed","integrations":true}""", "integrations" },
        { "/v1/track", """{"userId":"12583","event":"Cart Viewed","version":[2]}""", "version" },
        { "/v1/identify", """{"anonymousId":"a-1","traits":{"firstName":"Ada"}}""", "userId" },
        { "/v1/identify", """{"userId":"12583","traits":{"firstName":"<script>alert(1)</script>"}}""", "traits.firstName" },
        { "/v1/identify", """{"userId":"12583","context":{"timezone":"Europe/London\n"}}""", "context.timezone" },
        { "/v1/alias", """{"userId":"12583"}""", "previousId" },
        { "/v1/alias", """{"previousId":"a-1","anonymousId":"a-1"}""", "userId" },
        { "/v1/alias", """{"previousId":"12583","userId":"12583"}""", "previousId" },
        { "/v1/page", """{"anonymousId":"a-1","name":7}""", "name" },
        { "/v1/screen", """{"anonymousId":"a-1","name":["Home"]}""", "name" },
        { "/v1/screen", """{"name":"Home"}""", "userId" },
        { "/v1/screen", """{"type":"page","userId":"12583","name":"Home"}""", "type" },
        { "/v1/group", """{"userId":"12583"}""", "groupId" },
        { "/v1/group", """{"userId":"12583","groupId":""}""", "groupId" },
        { "/v1/group", """{"userId":"12583","groupId":"   "}""", "groupId" },
        { "/v1/group", """{"userId":"12583","groupId":42}""", "groupId" },
        { "/v1/group", $$"""{"userId":"12583","groupId":"{{new string('g', 257)}}"}""", "groupId" },
        { "/v1/group", """{"userId":"12583","groupId":"ac\u0000me"}""", "groupId" },
        { "/v1/group", """{"anonymousId":"a-1","groupId":"acme"}""", "userId" },
        { "/v1/group", """{"groupId":"acme"}""", "userId" },
        { "/v1/group", """{"userId":"12583","groupId":"acme","traits":"gold"}""", "traits" },
        { "/v1/group", """{"userId":"12583","groupId":"acme","traits":[{"plan":"gold"}]}""", "traits" },
        { "/v1/group", """{"userId":"12583","groupId":"acme","timestamp":"monday"}""", "timestamp" },
        { "/v1/group", """{"userId":"12583","groupId":"acme","traits":{""" + string.Join(',', Enumerable.Range(0, 301).Select(index => $"\"t{index}\":1")) + "}}", "traits" },
        { "/v1/batch", """{"batch":[{"type":"group","userId":"12583","groupId":7}]}""", "batch[0].groupId" },
        { "/v1/batch", """{"batch":[{"type":"ungroup","userId":"12583","groupId":"acme"}]}""", "batch[0].type" },
        { "/v1/campaigns", """{"name":"n","goal":"g","audience":{"groupIds":[]},"sendWindow":{"start":"2011-12-01T00:00:00Z","end":"2011-12-02T00:00:00Z"}}""", "audience.groupIds" },
        { "/v1/campaigns", """{"name":"n","goal":"g","audience":{"groupIds":"acme"},"sendWindow":{"start":"2011-12-01T00:00:00Z","end":"2011-12-02T00:00:00Z"}}""", "audience.groupIds" },
        { "/v1/campaigns", """{"name":"n","goal":"g","audience":{"groupIds":["acme",""]},"sendWindow":{"start":"2011-12-01T00:00:00Z","end":"2011-12-02T00:00:00Z"}}""", "audience.groupIds[1]" },
        { "/v1/catalog", """{}""", "items" },
        { "/v1/catalog", """{"items":[]}""", "items" },
        { "/v1/catalog", """{"items":[{"title":"JAM MAKING SET WITH JARS","price":4.25}]}""", "items[0].id" },
        { "/v1/catalog", """{"items":[{"id":"22960","price":4.25}]}""", "items[0].title" },
        { "/v1/catalog", """{"items":[{"id":"22960","title":"JAM MAKING SET WITH JARS"}]}""", "items[0].price" },
        { "/v1/catalog", """{"items":[{"id":"22960","title":"JAM MAKING SET WITH JARS","price":-0.01}]}""", "items[0].price" },
        { "/v1/catalog", """{"items":[{"id":"22960","title":"JAM MAKING SET WITH JARS","price":"free"}]}""", "items[0].price" },
        { "/v1/catalog", """{"items":[{"id":"22960","title":"JAM","price":1},{"id":"22961","title":"JAM","price":1,"category":7}]}""", "items[1].category" },
        { "/v1/campaigns", """{"goal":"g","audience":"all","sendWindow":{"start":"2011-12-01T00:00:00Z","end":"2011-12-02T00:00:00Z"}}""", "name" },
        { "/v1/campaigns", """{"name":"n","audience":"all","sendWindow":{"start":"2011-12-01T00:00:00Z","end":"2011-12-02T00:00:00Z"}}""", "goal" },
        { "/v1/campaigns", """{"name":"n","goal":"g","sendWindow":{"start":"2011-12-01T00:00:00Z","end":"2011-12-02T00:00:00Z"}}""", "audience" },
        { "/v1/campaigns", """{"name":"n","goal":"g","audience":"some","sendWindow":{"start":"2011-12-01T00:00:00Z","end":"2011-12-02T00:00:00Z"}}""", "audience" },
        { "/v1/campaigns", """{"name":"n","goal":"g","audience":{"userIds":[]},"sendWindow":{"start":"2011-12-01T00:00:00Z","end":"2011-12-02T00:00:00Z"}}""", "audience.userIds" },
        { "/v1/campaigns", """{"name":"n","goal":"g","audience":{"userIds":["12583",5]},"sendWindow":{"start":"2011-12-01T00:00:00Z","end":"2011-12-02T00:00:00Z"}}""", "audience.userIds[1]" },
        { "/v1/campaigns", """{"name":"n","goal":"g","audience":{"userIds":["12583",".."]},"sendWindow":{"start":"2011-12-01T00:00:00Z","end":"2011-12-02T00:00:00Z"}}""", "audience.userIds[1]" },
        { "/v1/campaigns", """{"name":"n","goal":"g","audience":{"groupIds":["ac\u0000me"]},"sendWindow":{"start":"2011-12-01T00:00:00Z","end":"2011-12-02T00:00:00Z"}}""", "audience.groupIds[0]" },
        { "/v1/campaigns", """{"name":"n","goal":"g","audience":"all"}""", "sendWindow" },
        { "/v1/campaigns", """{"name":"n","goal":"g","audience":"all","sendWindow":{"start":"soon","end":"2011-12-02T00:00:00Z"}}""", "sendWindow.start" },
        { "/v1/campaigns", """{"name":"n","goal":"g","audience":"all","sendWindow":{"start":"2011-12-01T00:00:00Z"}}""", "sendWindow.end" },
        { "/v1/campaigns", """{"name":"n","goal":"g","audience":"all","sendWindow":{"start":"2011-12-02T00:00:00Z","end":"2011-12-01T00:00:00Z"}}""", "sendWindow.end" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Post_invalid_field_answers_a_validation_problem_naming_it(string path, string body, string field)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync(path, body);

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Contains(field, errors.Keys);
        Assert.NotEmpty(errors[field]);
        Assert.Equal(0, await app.Events.CountAsync("ingestion", TestContext.Current.CancellationToken));
        Assert.Empty(app.Harness.Published.Select(_ => true, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/v1/track", """{"userId":"12583","event":""")]
    [InlineData("/v1/identify", "userId=12583")]
    [InlineData("/v1/batch", """{"batch":[{"type":"track",}]}""")]
    [InlineData("/v1/catalog", "")]
    [InlineData("/v1/campaigns", """{"name":"n" "goal":"g"}""")]
    public async Task Post_malformed_json_answers_problem_details(string path, string body)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync(path, body);

        Assert.Equal("Malformed JSON", await Problems.TitleAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal(0, await app.Events.CountAsync("ingestion", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("""{"userId":"12583","event":"Cart Viewed",}""", "The JSON object contains a trailing comma at the end, which JSON does not allow (line 1, byte 41).")]
    [InlineData("{\n  \"userId\": \"12583\",\n  \"event\": [\"a\",]\n}", "The JSON array contains a trailing comma at the end, which JSON does not allow (line 3, byte 17).")]
    [InlineData("   ", "The input does not contain any JSON tokens. Expected the input to start with a valid JSON token (line 1, byte 4).")]
    [InlineData("""{"userId":"12583" "event":"Cart Viewed"}""", "'\"' is invalid after a value. Expected either ',', '}', or ']' (line 1, byte 19).")]
    public async Task Malformed_json_is_told_by_what_and_where_without_the_readers_advice(string body, string detail)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/track", body);

        Assert.Equal(detail, await Problems.DetailAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Track_old_timestamp_is_accepted_because_replays_are_welcome()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/track", """{"userId":"12583","event":"Cart Viewed","timestamp":"2010-12-01T08:26:00+01:00"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Properties_past_the_field_limit_are_refused()
    {
        await using var app = await IngestionApp.StartAsync(configure: new Dictionary<string, string?> { ["Tailor:Ingestion:MaxPropertiesPerCall"] = "3" });

        using var response = await app.PostRawAsync("/v1/track", """{"userId":"12583","event":"Cart Viewed","properties":{"a":1,"b":{"c":2,"d":[3,4]}}}""");

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Contains("4 fields", Assert.Single(errors["properties"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_line_is_held_to_the_field_limit_with_the_order_s_fields()
    {
        // Each line becomes a purchase carrying the order's fields and its product's, which every consumer holds to the limit.
        await using var app = await IngestionApp.StartAsync(configure: new Dictionary<string, string?> { ["Tailor:Ingestion:MaxPropertiesPerCall"] = "3" });

        using var fits = await app.PostRawAsync("/v1/track", """{"userId":"12583","event":"Order Completed","properties":{"order_id":"o1","products":[{"product_id":"85123A","price":2.55}]}}""");
        using var over = await app.PostRawAsync("/v1/track", """{"userId":"12583","event":"Order Completed","properties":{"order_id":"o2","products":[{"product_id":"85123A","price":2.55},{"product_id":"22423","price":12.75,"quantity":2}]}}""");

        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        var errors = await Problems.ValidationErrorsAsync(over);
        Assert.Equal("Holds 4 fields with the order's (nested ones counted each); at most 3 are accepted.", Assert.Single(errors["properties.products[1]"]));
    }
}
