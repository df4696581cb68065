using System.Net;
using Tailor.Contracts;

namespace Tailor.Ingestion.Tests;

public sealed class BatchEndpointTests
{
    [Fact]
    public async Task Batch_of_retail_identifies_and_orders_is_stored_and_published_in_full()
    {
        await using var app = await IngestionApp.StartAsync();
        var lines = RetailSample.Purchases(maxLines: 300);
        var calls = RetailSample.IdentifyCalls(lines).Concat(RetailSample.OrderCompletedCalls(lines)).ToList();

        using var response = await app.PostAsync("/v1/batch", new { batch = calls });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(calls.Count, (await IngestionApp.ReadJsonAsync(response)).GetProperty("accepted").GetInt32());
        var customers = lines.Select(line => line.CustomerId).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(customers, app.Published<UserIdentified>().Select(user => user.UserId).Order(StringComparer.Ordinal));
        var purchases = app.Published<UserActivityTracked>();
        Assert.Equal(lines.Count, purchases.Count);
        Assert.Equal(lines.Sum(line => (double)line.Quantity), purchases.Sum(purchase => purchase.Quantity));
        Assert.Equal(lines.Count, (await app.RecordedAsync<UserActivityTracked>()).Count);
        foreach (var customer in customers)
        {
            Assert.True((await app.Profiles.ReadAsync(customer!, TestContext.Current.CancellationToken))!.Contact!.EmailConsent);
        }

        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task Batch_with_invalid_items_accepts_the_rest_and_lists_each_bad_item()
    {
        await using var app = await IngestionApp.StartAsync();
        var good = RetailSample.OrderCompletedCalls(RetailSample.Purchases(maxLines: 30)).First();

        using var response = await app.PostAsync("/v1/batch", new
        {
            batch = new object[]
            {
                good,
                new { type = "track", @event = "Product Viewed" },
                new { type = "page", userId = "12583", name = "Gift ideas" },
                new { type = "identify", userId = "12583", traits = new { email = "not an address" } },
                new { userId = "12583", @event = "Cart Viewed" },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray()
            .ToDictionary(item => item.GetProperty("index").GetInt32(), item => item.GetProperty("errors").EnumerateObject().Select(error => error.Name).Single());
        Assert.Equal(new Dictionary<int, string> { [1] = "batch[1].userId", [3] = "batch[3].traits.email", [4] = "batch[4].type" }, rejected);
        var published = app.Published<UserActivityTracked>();
        Assert.Contains(published, activity => activity.Activity == "page" && activity.Properties["name"] == "Gift ideas");
        Assert.DoesNotContain(app.Published<UserIdentified>(), identified => identified.UserId == "12583");
    }

    [Fact]
    public async Task Batch_with_group_and_screen_calls_accepts_them_in_order()
    {
        await using var app = await IngestionApp.StartAsync();

        // The shape Segment's libraries send: calls of every type, a batch-level sentAt and context.
        using var response = await app.PostRawAsync("/v1/batch", """
            {"batch":[
              {"type":"identify","userId":"12583","traits":{"email":"ada@example.com","email_consent":true}},
              {"type":"group","userId":"12583","groupId":"acme","traits":{"name":"Acme","plan":"gold"}},
              {"type":"screen","userId":"12583","name":"Dashboard","properties":{"tab":"billing"}},
              {"type":"group","userId":"12583","groupId":"globex"},
              {"type":"group","userId":"12583"}
            ],"sentAt":"2024-03-05T10:00:00Z","context":{"library":{"name":"analytics-node","version":"3.1.0"}}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal(4, body.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(body.GetProperty("rejected").EnumerateArray());
        Assert.Equal(4, rejected.GetProperty("index").GetInt32());
        Assert.Equal(["batch[4].groupId"], rejected.GetProperty("errors").EnumerateObject().Select(error => error.Name));
        Assert.Equal(["acme", "globex"], app.Published<UserGrouped>().Select(grouped => grouped.GroupId));
        Assert.Equal("Dashboard", Assert.Single(app.Published<UserActivityTracked>(), activity => activity.Activity == "page").Properties["name"]);
        var contact = (await app.Profiles.ReadAsync("12583", TestContext.Current.CancellationToken))!.Contact!;
        Assert.True(contact.EmailConsent);
        Assert.Equal(["acme", "globex"], contact.GroupIds!);
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task Batch_with_only_invalid_items_is_a_validation_problem_listing_every_item()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/batch", new
        {
            batch = new object[] { new { type = "track", @event = "Product Viewed" }, new { type = "alias", userId = "12583" } },
        });

        var errors = await Problems.ValidationErrorsAsync(response);
        Assert.Equal(["batch[0].userId", "batch[1].previousId"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await app.Events.CountAsync("ingestion", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Batch_with_more_items_than_allowed_is_rejected()
    {
        await using var app = await IngestionApp.StartAsync();
        var calls = Enumerable.Range(0, 301).Select(index => new { type = "track", userId = "12583", @event = $"Step {index}" });

        using var response = await app.PostAsync("/v1/batch", new { batch = calls });

        Assert.Contains("batch", (await Problems.ValidationErrorsAsync(response)).Keys);
        Assert.Empty(app.Published<UserActivityTracked>());
    }

    [Fact]
    public async Task Batch_larger_than_the_body_limit_is_rejected_with_413()
    {
        await using var app = await IngestionApp.StartAsync();
        var text = new string('x', 9_000);
        var calls = Enumerable.Range(0, 60).Select(index => new { type = "track", userId = "12583", @event = "Note", properties = new { text } });

        using var response = await app.PostAsync("/v1/batch", new { batch = calls });

        Assert.Equal("Request body too large", await Problems.TitleAsync(response, HttpStatusCode.RequestEntityTooLarge));
        Assert.Empty(app.Published<UserActivityTracked>());
    }

    [Fact]
    public async Task Track_larger_than_the_call_limit_is_rejected_with_413_by_its_content_length()
    {
        await using var app = await IngestionApp.StartAsync();
        var body = """{"userId":"12583","event":"Note","properties":{"text":"TEXT"}}""".Replace("TEXT", new string('x', 40_000), StringComparison.Ordinal);

        using var response = await app.PostRawAsync("/v1/track", body);

        Assert.Equal("Request body too large", await Problems.TitleAsync(response, HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task Call_in_a_batch_larger_than_the_call_limit_is_rejected_alone()
    {
        await using var app = await IngestionApp.StartAsync();
        var text = new string('x', 40_000);

        using var alone = await app.PostAsync("/v1/track", new { userId = "12583", @event = "Note", properties = new { text } });
        using var batched = await app.PostAsync("/v1/batch", new
        {
            batch = new object[]
            {
                new { type = "track", userId = "12583", @event = "Cart Viewed" },
                new { type = "track", userId = "12583", @event = "Note", properties = new { text } },
            },
        });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, alone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, batched.StatusCode);
        var body = await IngestionApp.ReadJsonAsync(batched);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(body.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejected.GetProperty("index").GetInt32());
        Assert.Contains("MaxCallBytes", rejected.GetProperty("errors").GetProperty("batch[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Cart Viewed", Assert.Single(app.Published<UserActivityTracked>()).Activity);
    }
}
